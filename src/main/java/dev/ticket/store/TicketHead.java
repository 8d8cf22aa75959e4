package dev.ticket.store;

import dev.ticket.model.Status;
import java.time.Instant;

/**
 * The few columns of a ticket that the rules need before they change it; {@code updatedAt} is its last change
 * (its newest message, or its creation).
 */
public record TicketHead(long id, long accountId, Status status, long lastMessageId, Instant updatedAt) {
}
