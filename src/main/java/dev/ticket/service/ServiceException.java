package dev.ticket.service;

/** A request the rules refuse; {@link Kind} decides the HTTP status and problem type. */
public class ServiceException extends RuntimeException {

    /** The stable kinds of refusal. */
    public enum Kind {
        BAD_REQUEST, VALIDATION, UNAUTHORIZED, FORBIDDEN, NOT_FOUND, TICKET_CLOSED, IDEMPOTENCY_CONFLICT,
        TOO_LARGE, UNSUPPORTED_MEDIA_TYPE, UNAVAILABLE, QUOTA_EXCEEDED, RATE_LIMITED, TOO_MANY_FAILURES,
        INSUFFICIENT_STORAGE, NOT_IMPLEMENTED
    }

    private final Kind kind;
    private final long retryAfterSeconds;

    public ServiceException(Kind kind, String message) {
        this(kind, message, 0);
    }

    /** A refusal the client may try again after {@code retryAfterSeconds} (sent as {@code Retry-After}). */
    public ServiceException(Kind kind, String message, long retryAfterSeconds) {
        super(message, null, false, false);
        this.kind = kind;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    /** Seconds for {@code Retry-After}, or 0 when the answer carries none of its own. */
    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }

    /** A write that could not be stored because the disk (or the database's) is full. */
    public static ServiceException diskFull() {
        return new ServiceException(Kind.INSUFFICIENT_STORAGE, "The service is out of disk space and could not "
                + "store this; nothing of it was kept. Reading still works; try the write again later.");
    }

    public Kind kind() {
        return kind;
    }

    public static ServiceException validation(String message) {
        return new ServiceException(Kind.VALIDATION, message);
    }

    public static ServiceException notFound(String what) {
        return new ServiceException(Kind.NOT_FOUND, what + " was not found.");
    }

    /** rules.md R4: the answer says Done is final and how to follow up. */
    public static ServiceException closed(long ticketId) {
        return new ServiceException(Kind.TICKET_CLOSED, "Ticket #" + ticketId + " is done and cannot be changed; "
                + "open a new ticket that references it: ticket new --ref " + ticketId);
    }
}
