package dev.ticket.service;

import dev.ticket.model.Awaiting;
import dev.ticket.model.Status;
import dev.ticket.model.TicketType;

/** What {@code GET /api/v1/tickets} asks for; null fields do not filter. */
public record ListRequest(Status status, String search, boolean unreadOnly, TicketType type, String label,
                          Awaiting awaiting, Integer limit, String cursor) {
}
