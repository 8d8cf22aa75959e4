package dev.ticket.client;

import dev.ticket.model.Awaiting;
import dev.ticket.model.Status;
import dev.ticket.model.TicketType;

/** The filters of {@code GET /api/v1/tickets}; null (or false) means "any". */
public record TicketQuery(Status status, String text, boolean unreadOnly, TicketType type, String label,
                          Awaiting awaiting) {
    /** Every ticket the caller may see. */
    public static final TicketQuery ALL = new TicketQuery(null, null, false, null, null, null);
}
