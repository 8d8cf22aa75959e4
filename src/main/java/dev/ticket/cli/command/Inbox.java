package dev.ticket.cli.command;

import dev.ticket.client.TicketClient;
import dev.ticket.client.TicketQuery;
import dev.ticket.model.Awaiting;
import dev.ticket.model.Event;
import dev.ticket.model.Ticket;
import dev.ticket.model.TicketSort;
import dev.ticket.model.User;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * What needs a user now (rules.md R9): for a customer, the tickets with answers they have not read; for the team,
 * the open tickets awaiting the team that are assigned to them or to nobody, earliest {@code due_at} first.
 */
final class Inbox {
    /** The tickets, and whether the limit left some out. */
    record Found(List<Ticket> tickets, boolean more) {
    }

    private static final Comparator<Ticket> EARLIEST_DUE = Comparator
            .comparing((Ticket t) -> t.dueAt() == null ? Instant.MAX : t.dueAt()).thenComparingLong(Ticket::id);

    private final TicketClient client;
    private final User me;
    private final int limit;
    private final int pageSize;

    Inbox(TicketClient client, User me, int limit, int pageSize) {
        this.client = client;
        this.me = me;
        this.limit = limit;
        this.pageSize = pageSize;
    }

    Found now() {
        if (!me.role().isTeam()) {
            ListCommand.Listing unread = ListCommand.fetch(client,
                    new TicketQuery(null, null, true, null, null, null), limit, pageSize);
            return new Found(unread.tickets(), unread.more());
        }
        // theirs and nobody's, each in the service's earliest-due order (due_at, then id), merged in the same order
        ListCommand.Listing mine = ListCommand.fetch(client, queue("me"), limit, pageSize);
        ListCommand.Listing nobodys = ListCommand.fetch(client, queue("none"), limit, pageSize);
        List<Ticket> queue = new ArrayList<>(mine.tickets());
        queue.addAll(nobodys.tickets());
        queue.sort(EARLIEST_DUE);
        boolean more = mine.more() || nobodys.more() || queue.size() > limit;
        return new Found(queue.size() > limit ? List.copyOf(queue.subList(0, limit)) : queue, more);
    }

    private static TicketQuery queue(String assignee) {
        return new TicketQuery(null, null, false, null, null, Awaiting.TEAM, TicketSort.DUE, null, assignee, false);
    }

    /** Whether the event may bring a ticket into the inbox (then the ticket is fetched and {@link #needs} asked). */
    boolean mayArrive(Event event) {
        if (Event.ASSIGNMENT.equals(event.kind())) {
            return me.role().isTeam();
        }
        return Event.MESSAGE.equals(event.kind()) && event.message() != null && event.message().author() != null
                && event.message().author().role() != null
                && event.message().author().role().isTeam() != me.role().isTeam();
    }

    /** Whether the ticket needs this user now. */
    boolean needs(Ticket t) {
        if (!me.role().isTeam()) {
            return t.unread() > 0;
        }
        return !t.isDone() && t.awaiting() == Awaiting.TEAM && (t.assignee() == null || t.assignee().id() == me.id());
    }

    /** The ticket as a list shows it: without its chat. */
    static Ticket listed(Ticket t) {
        return new Ticket(t.id(), t.title(), t.status(), t.type(), t.about(), t.dialogUrl(), t.account(), t.author(),
                t.createdAt(), t.updatedAt(), t.closedAt(), t.dueAt(), t.awaiting(), t.unread(), t.messageCount(),
                t.refs(), t.labels(), t.assignee(), null, null);
    }
}
