package dev.ticket.model;

import java.time.Instant;
import java.util.List;

/** One message in a ticket's chat (rules.md R2). */
public record Message(long id, long ticketId, Author author, String body, Instant createdAt,
                      List<Attachment> attachments) {
    public Message {
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
    }
}
