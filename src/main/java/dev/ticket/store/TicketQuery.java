package dev.ticket.store;

import dev.ticket.model.Awaiting;
import dev.ticket.model.Status;
import dev.ticket.model.TicketType;

/**
 * Filters for listing tickets, newest activity first. Null fields do not filter.
 * {@code titleFolded} is already case-folded; {@code before} is the activity cursor (exclusive).
 */
public record TicketQuery(Status status, String titleFolded, boolean unreadOnly, TicketType type, String label,
                          Awaiting awaiting, int limit, Long before) {
}
