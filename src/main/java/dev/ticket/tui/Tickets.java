package dev.ticket.tui;

import dev.ticket.model.Assignee;
import dev.ticket.model.Message;
import dev.ticket.model.Ticket;
import java.util.ArrayList;
import java.util.List;

/** Copies of a {@link Ticket} with one thing changed, as the view learns it. */
final class Tickets {
    private Tickets() {
    }

    static Ticket withUnread(Ticket t, int unread) {
        return new Ticket(t.id(), t.title(), t.status(), t.type(), t.about(), t.dialogUrl(), t.account(),
                t.author(), t.createdAt(), t.updatedAt(), t.closedAt(), t.dueAt(), t.awaiting(), unread,
                t.messageCount(), t.refs(), t.labels(), t.assignee(), t.messages(), t.deduplicated());
    }

    static Ticket withAssignee(Ticket t, Assignee assignee) {
        return new Ticket(t.id(), t.title(), t.status(), t.type(), t.about(), t.dialogUrl(), t.account(),
                t.author(), t.createdAt(), t.updatedAt(), t.closedAt(), t.dueAt(), t.awaiting(), t.unread(),
                t.messageCount(), t.refs(), t.labels(), assignee, t.messages(), t.deduplicated());
    }

    /** The ticket with {@code message} added at the end of its chat, unless it is there already. */
    static Ticket withMessage(Ticket t, Message message) {
        List<Message> chat = t.messages() == null ? new ArrayList<>() : new ArrayList<>(t.messages());
        if (chat.stream().anyMatch(m -> m.id() == message.id())) {
            return t;
        }
        chat.add(message);
        return t.withMessages(chat);
    }

    /** {@code fresh} (e.g. from a close) keeping the chat of {@code old} when {@code fresh} has none. */
    static Ticket keepingChat(Ticket fresh, Ticket old) {
        if (fresh.messages() != null || old == null || old.messages() == null) {
            return fresh;
        }
        return fresh.withMessages(old.messages());
    }
}
