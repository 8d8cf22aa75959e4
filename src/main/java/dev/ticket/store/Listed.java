package dev.ticket.store;

import dev.ticket.model.Ticket;

/** A ticket in a listing with its activity sequence, the key that list cursors continue from. */
public record Listed(Ticket ticket, long activity) {
}
