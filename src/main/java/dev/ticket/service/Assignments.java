package dev.ticket.service;

import dev.ticket.model.Event;
import dev.ticket.model.Status;
import dev.ticket.model.Ticket;
import dev.ticket.model.User;
import dev.ticket.store.TicketHead;
import dev.ticket.store.TicketStore;
import dev.ticket.store.Viewer;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Who on the team a ticket is assigned to (rules.md Roles: agents assign). Customers may see the assignee of their
 * account's tickets but never set it: on their own ticket that is 403, on another account's 404 (as if it did
 * not exist). An assignment is an event on the ticket's stream, carrying the ticket as it is after it.
 */
record Assignments(TicketStore store, ReadCache cache, Clock clock) {
    private static final Viewer TEAM = new Viewer(0, true, null);

    /** Assigns the ticket to the agent {@code userId}, or to nobody (null). */
    Ticket assign(Caller caller, long ticketId, Long userId) {
        cache.beginWrite();
        try {
            return store.write(tx -> {
                TicketHead head = tx.lockTicket(ticketId)
                        .filter(h -> caller.team() || h.accountId() == caller.accountId())
                        .orElseThrow(() -> ServiceException.notFound("Ticket #" + ticketId));
                if (!caller.team()) {
                    throw new ServiceException(ServiceException.Kind.FORBIDDEN,
                            "Only the support team assigns tickets.");
                }
                if (head.status() == Status.DONE) {
                    throw ServiceException.closed(ticketId);
                }
                if (userId != null) {
                    User to = tx.user(userId).orElseThrow(() -> ServiceException.validation(
                            "user_id " + userId + " is no user; assign tickets to an agent."));
                    if (!to.role().isTeam()) {
                        throw ServiceException.validation("user_id " + userId + " (" + to.name()
                                + ") is a customer; assign tickets to an agent.");
                    }
                }
                Ticket before = tx.ticket(ticketId, TEAM).orElseThrow();
                Long current = before.assignee() == null ? null : before.assignee().id();
                if (!Objects.equals(current, userId)) { // assigning again changes nothing and tells no one
                    tx.assignTicket(ticketId, userId);
                    Instant now = clock.instant();
                    Ticket after = tx.ticket(ticketId, TEAM).orElseThrow().withUnread(0);
                    tx.appendEvent(ticketId, head.accountId(), Event.ASSIGNMENT, Idempotency.json(
                            new Event(0, Event.ASSIGNMENT, ticketId, null, null, now, after)), now);
                }
                return tx.ticket(ticketId, TicketService.viewer(caller)).orElseThrow();
            });
        } finally {
            cache.ticketChanged(ticketId);
            cache.endWrite();
        }
    }

    /** The support team, for choosing an assignee by name (the team only). */
    List<User> agents(Caller caller) {
        if (!caller.team()) {
            throw new ServiceException(ServiceException.Kind.FORBIDDEN, "Only the support team lists agents.");
        }
        return store.read(tx -> tx.agents());
    }
}
