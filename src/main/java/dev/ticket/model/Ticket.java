package dev.ticket.model;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;

/**
 * A support ticket as the API shows it to one viewer ({@code unread} is theirs).
 * {@code messages} is present only when one ticket is fetched; {@code deduplicated}
 * only when a create was merged into an open ticket by its dedupe key.
 */
public record Ticket(
        long id,
        String title,
        Status status,
        TicketType type,
        String about,
        String dialogUrl,
        String account,
        Author author,
        Instant createdAt,
        Instant updatedAt,
        Instant closedAt,
        Instant dueAt,
        Awaiting awaiting,
        int unread,
        int messageCount,
        List<Long> refs,
        List<String> labels,
        @JsonInclude(JsonInclude.Include.NON_NULL) List<Message> messages,
        @JsonInclude(JsonInclude.Include.NON_NULL) Boolean deduplicated) {

    public Ticket {
        refs = refs == null ? List.of() : List.copyOf(refs);
        labels = labels == null ? List.of() : List.copyOf(labels);
    }

    /** The same ticket carrying its chat. */
    public Ticket withMessages(List<Message> chat) {
        return new Ticket(id, title, status, type, about, dialogUrl, account, author, createdAt, updatedAt,
                closedAt, dueAt, awaiting, unread, messageCount, refs, labels, List.copyOf(chat), deduplicated);
    }

    /** The same ticket as seen by a viewer with {@code count} unread messages. */
    public Ticket withUnread(int count) {
        return new Ticket(id, title, status, type, about, dialogUrl, account, author, createdAt, updatedAt,
                closedAt, dueAt, awaiting, count, messageCount, refs, labels, messages, deduplicated);
    }

    /** The same ticket marked as the target of a dedupe merge. */
    public Ticket asDeduplicated() {
        return new Ticket(id, title, status, type, about, dialogUrl, account, author, createdAt, updatedAt,
                closedAt, dueAt, awaiting, unread, messageCount, refs, labels, messages, Boolean.TRUE);
    }

    @JsonIgnore
    public boolean isDone() {
        return status == Status.DONE;
    }
}
