package dev.ticket.model;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;

/**
 * A support ticket as the API shows it to one viewer ({@code unread} is theirs).
 * {@code messages} is present only when one ticket is fetched; {@code deduplicated}
 * only when a create was merged into an open ticket by its dedupe key. {@code assignee} is the agent the
 * ticket is assigned to, null for nobody (the JSON always has the key).
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
        Assignee assignee,
        @JsonInclude(JsonInclude.Include.NON_NULL) List<Message> messages,
        @JsonInclude(JsonInclude.Include.NON_NULL) Boolean deduplicated) {

    public Ticket {
        refs = refs == null ? List.of() : List.copyOf(refs);
        labels = labels == null ? List.of() : List.copyOf(labels);
    }

    /** A ticket assigned to nobody (the shape before assignment existed). */
    public Ticket(long id, String title, Status status, TicketType type, String about, String dialogUrl,
                  String account, Author author, Instant createdAt, Instant updatedAt, Instant closedAt,
                  Instant dueAt, Awaiting awaiting, int unread, int messageCount, List<Long> refs,
                  List<String> labels, List<Message> messages, Boolean deduplicated) {
        this(id, title, status, type, about, dialogUrl, account, author, createdAt, updatedAt, closedAt, dueAt,
                awaiting, unread, messageCount, refs, labels, null, messages, deduplicated);
    }

    /** The same ticket carrying its chat. */
    public Ticket withMessages(List<Message> chat) {
        return new Ticket(id, title, status, type, about, dialogUrl, account, author, createdAt, updatedAt,
                closedAt, dueAt, awaiting, unread, messageCount, refs, labels, assignee, List.copyOf(chat),
                deduplicated);
    }

    /** The same ticket as seen by a viewer with {@code count} unread messages. */
    public Ticket withUnread(int count) {
        return new Ticket(id, title, status, type, about, dialogUrl, account, author, createdAt, updatedAt,
                closedAt, dueAt, awaiting, count, messageCount, refs, labels, assignee, messages, deduplicated);
    }

    /** The same ticket marked as the target of a dedupe merge. */
    public Ticket asDeduplicated() {
        return new Ticket(id, title, status, type, about, dialogUrl, account, author, createdAt, updatedAt,
                closedAt, dueAt, awaiting, unread, messageCount, refs, labels, assignee, messages, Boolean.TRUE);
    }

    /** The same ticket assigned to {@code to} (null: to nobody). */
    public Ticket withAssignee(Assignee to) {
        return new Ticket(id, title, status, type, about, dialogUrl, account, author, createdAt, updatedAt,
                closedAt, dueAt, awaiting, unread, messageCount, refs, labels, to, messages, deduplicated);
    }

    @JsonIgnore
    public boolean isDone() {
        return status == Status.DONE;
    }
}
