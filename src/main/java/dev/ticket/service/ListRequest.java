package dev.ticket.service;

import dev.ticket.model.Awaiting;
import dev.ticket.model.Status;
import dev.ticket.model.TicketSort;
import dev.ticket.model.TicketType;

/**
 * What {@code GET /api/v1/tickets} asks for; null fields do not filter. {@code total} asks for the count of
 * every matching ticket besides the page (an extra query, so only on request). The queue views (the team
 * only, but {@code sort} and {@code overdue}): {@code sort} (null: activity), {@code account} an account's
 * name, {@code assignee} an agent's id, {@code me} or {@code none}; {@code overdue} keeps the tickets awaiting
 * the team past their due time.
 */
public record ListRequest(Status status, String search, boolean unreadOnly, TicketType type, String label,
                          Awaiting awaiting, Integer limit, String cursor, boolean total, TicketSort sort,
                          String account, String assignee, boolean overdue) {

    /** A request without the queue views. */
    public ListRequest(Status status, String search, boolean unreadOnly, TicketType type, String label,
                       Awaiting awaiting, Integer limit, String cursor, boolean total) {
        this(status, search, unreadOnly, type, label, awaiting, limit, cursor, total, null, null, null, false);
    }

    /** A request for one page without the total. */
    public ListRequest(Status status, String search, boolean unreadOnly, TicketType type, String label,
                       Awaiting awaiting, Integer limit, String cursor) {
        this(status, search, unreadOnly, type, label, awaiting, limit, cursor, false);
    }
}
