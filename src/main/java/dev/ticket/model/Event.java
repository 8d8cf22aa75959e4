package dev.ticket.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/**
 * One live event (SSE): a new {@code message} in a ticket, a {@code status} change, or an {@code assignment}
 * (with the {@code ticket} as it is after it: its {@code assignee} says to whom, null for nobody).
 * {@code id} increases and is the SSE event id used with {@code Last-Event-ID}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Event(long id, String kind, long ticketId, Status status, Message message, Instant at,
                    Ticket ticket) {
    public static final String MESSAGE = "message";
    public static final String STATUS = "status";
    public static final String ASSIGNMENT = "assignment";

    /** An event that carries no ticket (a message or a status change). */
    public Event(long id, String kind, long ticketId, Status status, Message message, Instant at) {
        this(id, kind, ticketId, status, message, at, null);
    }
}
