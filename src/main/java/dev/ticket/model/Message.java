package dev.ticket.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;

/**
 * One message in a ticket's chat (rules.md R2). {@code redactedAt} is present only on a redacted message: when
 * its body became the note "redacted by NAME at TIME" (SPEC 7.5).
 */
public record Message(long id, long ticketId, Author author, String body, Instant createdAt,
                      List<Attachment> attachments,
                      @JsonInclude(JsonInclude.Include.NON_NULL) Instant redactedAt) {
    public Message {
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
    }

    /** A message that was never redacted. */
    public Message(long id, long ticketId, Author author, String body, Instant createdAt,
                   List<Attachment> attachments) {
        this(id, ticketId, author, body, createdAt, attachments, null);
    }

    /** The same message with {@code files} as its attachments. */
    public Message withAttachments(List<Attachment> files) {
        return new Message(id, ticketId, author, body, createdAt, files, redactedAt);
    }
}
