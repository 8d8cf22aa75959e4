package dev.ticket.store;

import dev.ticket.model.Awaiting;
import dev.ticket.model.Status;
import dev.ticket.model.TicketSort;
import dev.ticket.model.TicketType;

/**
 * Filters and order for listing tickets. Null fields do not filter. {@code titleFolded} is already case-folded.
 * {@code before} and {@code beforeId} are the cursor (exclusive), after the last ticket shown in {@code sort}'s
 * order: its activity (activity), its due time in epoch ms and id (due), its id (created). {@code accountId}
 * and {@code assigneeId} keep one account's or one agent's tickets, {@code unassigned} those of nobody,
 * {@code overdueAt} (epoch ms) the tickets awaiting the team whose due time is before it.
 */
public record TicketQuery(Status status, String titleFolded, boolean unreadOnly, TicketType type, String label,
                          Awaiting awaiting, int limit, Long before, TicketSort sort, Long accountId,
                          Long assigneeId, boolean unassigned, Long overdueAt, Long beforeId) {

    public TicketQuery {
        sort = sort == null ? TicketSort.ACTIVITY : sort;
    }

    /** Newest activity first, with no queue filters. */
    public TicketQuery(Status status, String titleFolded, boolean unreadOnly, TicketType type, String label,
                       Awaiting awaiting, int limit, Long before) {
        this(status, titleFolded, unreadOnly, type, label, awaiting, limit, before, TicketSort.ACTIVITY, null, null,
                false, null, null);
    }
}
