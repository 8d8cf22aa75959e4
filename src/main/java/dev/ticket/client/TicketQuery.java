package dev.ticket.client;

import dev.ticket.model.Awaiting;
import dev.ticket.model.Status;
import dev.ticket.model.TicketSort;
import dev.ticket.model.TicketType;

/**
 * The filters of {@code GET /api/v1/tickets}; null (or false) means "any". The queue views: {@code sort} (null:
 * newest activity first), {@code account} by name, {@code assignee} an agent's id, {@code me} or {@code none},
 * {@code overdue}.
 */
public record TicketQuery(Status status, String text, boolean unreadOnly, TicketType type, String label,
                          Awaiting awaiting, TicketSort sort, String account, String assignee, boolean overdue) {
    /** Every ticket the caller may see. */
    public static final TicketQuery ALL = new TicketQuery(null, null, false, null, null, null);

    /** Newest activity first, without the queue views. */
    public TicketQuery(Status status, String text, boolean unreadOnly, TicketType type, String label,
                       Awaiting awaiting) {
        this(status, text, unreadOnly, type, label, awaiting, null, null, null, false);
    }
}
