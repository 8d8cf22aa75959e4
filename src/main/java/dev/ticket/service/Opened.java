package dev.ticket.service;

import dev.ticket.model.Ticket;

/** The answer to opening a ticket: a new one, or the open ticket it was merged into. */
public record Opened(Ticket ticket, boolean deduplicated) {
}
