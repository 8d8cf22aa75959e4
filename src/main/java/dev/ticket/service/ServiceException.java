package dev.ticket.service;

/** A request the rules refuse; {@link Kind} decides the HTTP status and problem type. */
public class ServiceException extends RuntimeException {

    /** The stable kinds of refusal. */
    public enum Kind {
        BAD_REQUEST, VALIDATION, UNAUTHORIZED, FORBIDDEN, NOT_FOUND, TICKET_CLOSED, IDEMPOTENCY_CONFLICT,
        TOO_LARGE, UNSUPPORTED_MEDIA_TYPE, UNAVAILABLE
    }

    private final Kind kind;

    public ServiceException(Kind kind, String message) {
        super(message, null, false, false);
        this.kind = kind;
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

    /** SPEC R4: the answer says Done is final and how to follow up. */
    public static ServiceException closed(long ticketId) {
        return new ServiceException(Kind.TICKET_CLOSED, "Ticket #" + ticketId + " is done and cannot be changed; "
                + "open a new ticket that references it: ticket new --ref " + ticketId);
    }
}
