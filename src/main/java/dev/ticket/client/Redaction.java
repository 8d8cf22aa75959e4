package dev.ticket.client;

import dev.ticket.model.Message;

/**
 * The service's answer to a redaction: the message as it is now, and whether an earlier redaction had already
 * done it (the {@code Ticket-Redaction: earlier} header; {@code done} when this request did).
 */
public record Redaction(Message message, boolean earlier) {
}
