package dev.ticket.service;

import dev.ticket.model.Message;

/** The answer to a redaction: the message as it is now, and whether an earlier redaction had already done it. */
public record Redacted(Message message, boolean earlier) {
}
