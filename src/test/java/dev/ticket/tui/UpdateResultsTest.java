package dev.ticket.tui;

import static dev.ticket.tui.Fixtures.*;
import static dev.ticket.tui.UpdateTest.*;
import static org.junit.jupiter.api.Assertions.*;

import dev.ticket.model.Awaiting;
import dev.ticket.model.Event;
import dev.ticket.model.Status;
import dev.ticket.model.Ticket;
import dev.ticket.model.TicketType;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How answers, failures and live events change the chat view, without a terminal or a service. */
class UpdateResultsTest {

    @Test
    void an_answer_to_an_older_list_request_is_dropped() {
        Step s = press(listFocused(), Key.ch('f'), Key.ch('f'));
        Step late = run(s.model(), new Msg.ListLoaded(1, List.of()));
        assertEquals(4, late.model().list().tickets().size(), "the stale empty answer did not replace the list");
    }

    @Test
    void viewing_a_ticket_with_unread_messages_marks_it_read_and_the_counter_follows() {
        Step s = press(listFocused(), Key.of(Key.Kind.DOWN));
        Ticket eleven = customerTickets().get(1).withMessages(List.of(
                message(110, 11, BOB_AUTHOR, "Answer", ago(Duration.ofHours(26)))));
        Step loaded = run(s.model(), new Msg.TicketLoaded(eleven));
        assertEquals(List.of(new Cmd.MarkRead(11)), loaded.commands());
        Step read = run(loaded.model(), new Msg.MarkedRead(11));
        assertEquals(0, read.model().list().tickets().get(1).unread());
    }

    @Test
    void a_failed_send_puts_the_text_back_and_says_why_in_the_status_line() {
        Step s = press(customerModel(80, 24), Key.of(Key.Kind.ENTER));
        Cmd send = s.commands().get(0);
        Step failed = run(s.model(), new Msg.Failed(send, Failure.UNAVAILABLE, "Cannot reach the service."));
        assertEquals("Страница всё ещё пустая", failed.model().input().text());
        assertFalse(failed.model().online());
        assertTrue(View.render(failed.model()).toText().contains("Cannot reach the service."));
    }

    @Test
    void replying_to_a_ticket_closed_meanwhile_says_so_and_reloads_it() {
        Cmd send = new Cmd.Send(12, "hi");
        Step s = run(customerModel(80, 24), new Msg.Failed(send, Failure.CLOSED, "#12 is closed; open a new ticket."));
        assertTrue(s.commands().contains(new Cmd.LoadTicket(12)));
        assertTrue(s.model().notice().error());
    }

    @Test
    void a_refused_new_ticket_reopens_the_form_with_the_reason() {
        Cmd.Create create = new Cmd.Create(new dev.ticket.model.NewTicket("T", "B", TicketType.QUESTION, null, null,
                List.of(7L), List.of(), null));
        Step s = run(listFocused(), new Msg.Failed(create, Failure.INVALID, "The title is too long."));
        Overlay.NewTicketForm form = (Overlay.NewTicketForm) s.model().dialog();
        assertEquals("T", form.title().text());
        assertEquals(7L, form.ref());
        assertEquals("The title is too long.", form.error());
    }

    @Test
    void a_live_message_in_the_open_ticket_appears_and_is_marked_read() {
        Event e = new Event(1, Event.MESSAGE, 12, null, message(200, 12, BOB_AUTHOR, "Fixed, please check.", NOW), NOW);
        Step s = run(customerModel(80, 24), new Msg.LiveEvent(e));
        assertEquals(4, s.model().chat().messages().size());
        assertEquals(new Cmd.MarkRead(12), s.commands().get(0));
        assertTrue(View.render(s.model()).toText().contains("Fixed, please check."));
        Step again = run(s.model(), new Msg.LiveEvent(e));
        assertEquals(4, again.model().chat().messages().size(), "the same message twice is shown once");
    }

    @Test
    void an_assignment_reloads_the_open_ticket_and_the_list_and_the_assignee_is_shown() {
        TuiModel agent = ViewGoldenTest.agentQueue(130, 30);
        String before = View.render(agent).toText();
        assertTrue(before.contains("acme · unassigned"), "the team sees a ticket nobody has:\n" + before);
        Ticket assigned = Tickets.withAssignee(agent.chat().ticket(), new dev.ticket.model.Assignee(3, "Bob"));
        Event e = new Event(9, Event.ASSIGNMENT, 12, null, null, NOW, assigned);
        Step s = run(agent, new Msg.LiveEvent(e));
        assertTrue(s.commands().contains(new Cmd.LoadTicket(12)), s.commands().toString());
        assertTrue(s.commands().stream().anyMatch(c -> c instanceof Cmd.LoadList), s.commands().toString());
        assertEquals("#12 is assigned to you.", s.model().notice().text(), "Bob is the viewer");
        assertTrue(View.render(s.model()).toText().contains("acme · assigned to Bob"), "at once, from the event");

        TuiModel loaded = run(s.model(), new Msg.TicketLoaded(assigned.withMessages(agent.chat().messages())),
                new Msg.ListLoaded(s.model().list().seq(), List.of(assigned))).model();
        String screen = View.render(loaded).toText();
        assertTrue(screen.contains("assigned to Bob"), "the chat header:\n" + screen);
        assertTrue(screen.lines().anyMatch(l -> l.contains("acme → Bob")), "the list row:\n" + screen);
    }

    @Test
    void a_live_message_in_another_ticket_refreshes_the_list_and_says_so() {
        Event e = new Event(2, Event.MESSAGE, 11, null, message(201, 11, BOB_AUTHOR, "Hello", NOW), NOW);
        Step s = run(customerModel(80, 24), new Msg.LiveEvent(e));
        assertTrue(s.commands().get(0) instanceof Cmd.LoadList);
        assertEquals("New message in #11 from Bob.", s.model().notice().text());
    }

    @Test
    void a_live_status_change_of_the_open_ticket_reloads_it() {
        Event e = new Event(3, Event.STATUS, 12, Status.DONE, null, NOW);
        Step s = run(customerModel(80, 24), new Msg.LiveEvent(e));
        assertTrue(s.commands().contains(new Cmd.LoadTicket(12)));
    }

    @Test
    void a_lost_connection_says_so_and_coming_back_reloads_everything() {
        Step lost = run(customerModel(80, 24), new Msg.Connection(false, "connection refused"));
        assertFalse(lost.model().online());
        String screen = View.render(lost.model()).toText();
        assertTrue(screen.contains("offline, reconnecting"));
        assertTrue(screen.contains("Lost the connection to the service (connection refused). Reconnecting…"));
        Step back = run(lost.model(), new Msg.Connection(true, null));
        assertTrue(back.model().online());
        assertEquals("Reconnected.", back.model().notice().text());
        assertTrue(back.commands().contains(new Cmd.LoadTicket(12)));
        assertTrue(back.commands().get(0) instanceof Cmd.LoadList);
    }

    @Test
    void a_list_that_cannot_load_says_why_and_r_tries_again() {
        Step s = Update.init(TuiModel.initial(80, 24, NOW, ZoneOffset.UTC).withSession(Session.START.withMe(ALICE)), null);
        Cmd load = s.commands().get(1);
        Step failed = run(s.model(), new Msg.Failed(load, Failure.UNAVAILABLE, "Cannot reach the service."));
        String screen = View.render(failed.model()).toText();
        assertTrue(screen.contains("Could not load the tickets:"), screen);
        assertFalse(screen.contains("Loading…"));
        Step retry = press(failed.model(), Key.ch('r'));
        assertEquals(List.of(new Cmd.LoadList(2, StatusFilter.ALL, "")), retry.commands());
        Step back = run(retry.model(), new Msg.ListLoaded(2, customerTickets()));
        assertTrue(View.render(back.model()).toText().contains("#12 Не работает"));
    }

    @Test
    void a_ticket_that_cannot_load_says_so_instead_of_loading_for_ever() {
        Step s = press(listFocused(), Key.of(Key.Kind.DOWN));
        Step failed = run(s.model(), new Msg.Failed(new Cmd.LoadTicket(11), Failure.UNAVAILABLE, "Cannot reach it."));
        assertTrue(View.render(failed.model()).toText().contains("Could not load #11; press r to retry."));
    }

    @Test
    void a_chat_scrolled_up_keeps_its_place_when_a_message_arrives() {
        TuiModel m = Keys.scroll(customerModel(80, 16), 3);
        assertEquals(3, m.chat().scroll());
        String before = View.render(m).lines().get(Layout.of(m).messagesTop());
        Event e = new Event(4, Event.MESSAGE, 12, null, message(300, 12, BOB_AUTHOR, "New", NOW), NOW);
        Step s = run(m, new Msg.LiveEvent(e));
        assertEquals(before, View.render(s.model()).lines().get(Layout.of(m).messagesTop()));
        assertFalse(View.render(s.model()).toText().contains("│ New"), "the new message waits below");
    }

    @Test
    void an_agent_gets_a_list_that_brings_every_ticket_awaiting_the_team() {
        Step s = Update.init(TuiModel.initial(80, 24, NOW, ZoneOffset.UTC), null);
        Step me = run(s.model(), new Msg.MeLoaded(BOB));
        assertEquals(List.of(new Cmd.LoadList(2, StatusFilter.ALL, "", true)), me.commands());
        Step customer = run(s.model(), new Msg.MeLoaded(ALICE));
        assertTrue(customer.commands().isEmpty());
    }
}
