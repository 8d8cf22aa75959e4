package dev.ticket.store;

import dev.ticket.model.Status;

/** The few columns of a ticket that the rules need before they change it. */
public record TicketHead(long id, long accountId, Status status, long lastMessageId) {
}
