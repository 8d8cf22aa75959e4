package dev.ticket.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/**
 * One live event (SSE): a new {@code message} in a ticket, or a {@code status} change.
 * {@code id} increases and is the SSE event id used with {@code Last-Event-ID}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Event(long id, String kind, long ticketId, Status status, Message message, Instant at) {
    public static final String MESSAGE = "message";
    public static final String STATUS = "status";
    /** A message was redacted: {@code message} is its new form (the note); chat views reload the ticket. */
    public static final String REDACTED = "redacted";
}
