package dev.ticket.model;

import java.util.List;

/** One page of {@code GET /api/v1/tickets}; {@code nextCursor} is null on the last page. */
public record TicketPage(List<Ticket> items, String nextCursor) {
}
