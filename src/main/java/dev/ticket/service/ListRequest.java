package dev.ticket.service;

import dev.ticket.model.Awaiting;
import dev.ticket.model.Status;
import dev.ticket.model.TicketType;

/**
 * What {@code GET /api/v1/tickets} asks for; null fields do not filter. {@code total} asks for the count of
 * every matching ticket besides the page (an extra query, so only on request).
 */
public record ListRequest(Status status, String search, boolean unreadOnly, TicketType type, String label,
                          Awaiting awaiting, Integer limit, String cursor, boolean total) {

    /** A request for one page without the total. */
    public ListRequest(Status status, String search, boolean unreadOnly, TicketType type, String label,
                       Awaiting awaiting, Integer limit, String cursor) {
        this(status, search, unreadOnly, type, label, awaiting, limit, cursor, false);
    }
}
