package dev.ticket.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ticket.model.Event;
import dev.ticket.model.Role;
import dev.ticket.model.Ticket;
import dev.ticket.model.TicketPage;
import dev.ticket.model.TicketSort;
import dev.ticket.model.TicketType;
import dev.ticket.service.Caller;
import dev.ticket.service.ListRequest;
import dev.ticket.service.ServiceException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Assignment and the queue views on every store (part of {@link TicketStoreContract}): the assignee survives a
 * read back, the filters and orders select the same tickets on SQLite and PostgreSQL, and the cursors of each
 * order walk every ticket once.
 */
interface AssignmentContract {
    StoreFixture fixture();

    private static ListRequest queue(TicketSort sort, String account, String assignee, boolean overdue, int limit,
                                     String cursor) {
        return new ListRequest(null, null, false, null, null, null, limit, cursor, false, sort, account, assignee,
                overdue);
    }

    @Test
    default void an_assignee_is_stored_shown_and_cleared_and_each_change_is_an_event() {
        StoreFixture f = fixture();
        Ticket t = f.open("Assign me");
        assertNull(t.assignee());
        long eventsBefore = f.store.read(StoreTx::lastEventId);
        Ticket assigned = f.tickets.assign(f.agent, t.id(), f.agent.userId());
        assertEquals(f.agent.userId(), assigned.assignee().id());
        assertEquals(f.agent.name(), assigned.assignee().name());
        assertEquals(f.agent.name(), f.asCustomer(t.id()).assignee().name(), "the customer sees who has the ticket");
        f.tickets.assign(f.agent, t.id(), f.agent.userId()); // again: no change, no event
        List<EventRow> events = f.store.read(tx -> tx.eventsAfter(eventsBefore, null, t.id(), 10));
        assertEquals(List.of(Event.ASSIGNMENT), events.stream().map(EventRow::kind).toList());
        assertNull(f.tickets.assign(f.agent, t.id(), null).assignee());
        assertNull(f.asAgent(t.id()).assignee());
    }

    @Test
    default void customers_and_non_agents_cannot_be_given_or_give_a_ticket() {
        StoreFixture f = fixture();
        Ticket t = f.open("Not yours to assign");
        ServiceException own = assertThrows(ServiceException.class,
                () -> f.tickets.assign(f.customer, t.id(), f.agent.userId()));
        assertEquals(ServiceException.Kind.FORBIDDEN, own.kind());
        Caller stranger = f.caller("Eve", Role.CUSTOMER, "other-" + t.id());
        assertEquals(ServiceException.Kind.NOT_FOUND, assertThrows(ServiceException.class,
                () -> f.tickets.assign(stranger, t.id(), f.agent.userId())).kind());
        assertEquals(ServiceException.Kind.VALIDATION, assertThrows(ServiceException.class,
                () -> f.tickets.assign(f.agent, t.id(), f.customer.userId())).kind());
        assertEquals(ServiceException.Kind.VALIDATION, assertThrows(ServiceException.class,
                () -> f.tickets.assign(f.agent, t.id(), 999_999_999L)).kind());
        f.tickets.close(f.customer, t.id(), null);
        assertEquals(ServiceException.Kind.TICKET_CLOSED, assertThrows(ServiceException.class,
                () -> f.tickets.assign(f.agent, t.id(), f.agent.userId())).kind());
    }

    @Test
    default void queue_views_filter_by_account_and_assignee_and_sort_by_due_and_creation() {
        StoreFixture f = fixture();
        Caller other = f.caller("Lena", Role.AGENT, null);
        Ticket critical = f.tickets.open(f.customer, new dev.ticket.model.NewTicket("Critical", "Down",
                TicketType.CRITICAL, null, null, null, null, null), List.of(), null).ticket();
        Ticket question = f.open("Question");
        Ticket suggestion = f.tickets.open(f.customer, new dev.ticket.model.NewTicket("Idea", "Dark mode",
                TicketType.SUGGESTION, null, null, null, null, null), List.of(), null).ticket();
        Ticket done = f.open("Done one");
        f.tickets.close(f.customer, done.id(), null);
        f.tickets.assign(f.agent, question.id(), f.agent.userId());
        f.tickets.assign(f.agent, suggestion.id(), other.userId());
        String account = f.customer.account();

        assertEquals(List.of(critical.id(), question.id(), suggestion.id()),
                ids(f.tickets.list(f.agent, queue(TicketSort.DUE, account, null, false, 100, null))),
                "earliest due first, Done tickets left out");
        assertEquals(List.of(done.id(), suggestion.id(), question.id(), critical.id()),
                ids(f.tickets.list(f.agent, queue(TicketSort.CREATED, account, null, false, 100, null))));
        assertEquals(List.of(question.id()),
                ids(f.tickets.list(f.agent, queue(null, account, "me", false, 100, null))));
        assertEquals(List.of(suggestion.id()),
                ids(f.tickets.list(f.agent, queue(null, account, String.valueOf(other.userId()), false, 100, null))));
        assertEquals(List.of(done.id(), critical.id()),
                ids(f.tickets.list(f.agent, queue(null, account, "none", false, 100, null))));
        ServiceException unknown = assertThrows(ServiceException.class,
                () -> f.tickets.list(f.agent, queue(null, "no-such-account", null, false, 100, null)));
        assertEquals(ServiceException.Kind.VALIDATION, unknown.kind(), "an unknown account: a mistake, not no tickets");
        assertTrue(unknown.getMessage().contains(account), unknown.getMessage());
        assertEquals(List.of(), ids(f.tickets.list(f.agent, queue(null, account, null, true, 100, null))),
                "nothing is past due yet");
        assertEquals(ServiceException.Kind.VALIDATION, assertThrows(ServiceException.class,
                () -> f.tickets.list(f.customer, queue(null, null, "me", false, 100, null))).kind());
        assertEquals(List.of(critical.id(), question.id(), suggestion.id()),
                ids(f.tickets.list(f.customer, queue(TicketSort.DUE, null, null, false, 100, null))),
                "a customer may order its own tickets");

        for (TicketSort sort : TicketSort.values()) {
            List<Long> whole = ids(f.tickets.list(f.agent, queue(sort, account, null, false, 100, null)));
            List<Long> walked = new ArrayList<>();
            String cursor = null;
            do {
                TicketPage page = f.tickets.list(f.agent, queue(sort, account, null, false, 1, cursor));
                walked.addAll(ids(page));
                cursor = page.nextCursor();
            } while (cursor != null);
            assertEquals(whole, walked, "pages of one in " + sort + " order");
        }
        String dueCursor = f.tickets.list(f.agent, queue(TicketSort.DUE, account, null, false, 1, null)).nextCursor();
        assertNotNull(dueCursor);
        assertEquals(ServiceException.Kind.VALIDATION, assertThrows(ServiceException.class,
                () -> f.tickets.list(f.agent, queue(TicketSort.CREATED, account, null, false, 1, dueCursor))).kind());
    }

    private static List<Long> ids(TicketPage page) {
        return page.items().stream().map(Ticket::id).toList();
    }
}
