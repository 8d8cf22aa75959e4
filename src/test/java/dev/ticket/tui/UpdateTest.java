package dev.ticket.tui;

import static dev.ticket.tui.Fixtures.*;
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

/** The chat view's behaviour, key by key, without a terminal or a service. */
class UpdateTest {

    /** Runs messages through update, collecting every command asked for. */
    static Step run(TuiModel m, Msg... msgs) {
        List<Cmd> cmds = new ArrayList<>();
        for (Msg msg : msgs) {
            Step s = Update.update(m, msg);
            m = s.model();
            cmds.addAll(s.commands());
        }
        return new Step(m, cmds);
    }

    static Step press(TuiModel m, Key... keys) {
        return run(m, java.util.Arrays.stream(keys).map(Msg.KeyPressed::new).toArray(Msg[]::new));
    }

    static Step type(TuiModel m, String text) {
        return press(m, text.chars().mapToObj(c -> Key.ch((char) c)).toArray(Key[]::new));
    }

    static TuiModel listFocused() {
        return customerModel(80, 24).withFocus(Focus.LIST).withInput(EditBuffer.EMPTY);
    }

    @Test
    void opening_a_ticket_from_the_command_line_loads_it_and_puts_the_cursor_in_the_input() {
        Step s = Update.init(TuiModel.initial(80, 24, NOW, ZoneOffset.UTC), 12L);
        assertEquals(List.of(new Cmd.LoadMe(), new Cmd.LoadList(1, StatusFilter.ALL, ""), new Cmd.LoadTicket(12)),
                s.commands());
        assertEquals(Focus.INPUT, s.model().focus());
        Step loaded = run(s.model(), new Msg.ListLoaded(1, customerTickets()), new Msg.TicketLoaded(chatOf12()));
        assertEquals(12L, loaded.model().chat().ticket().id());
        assertTrue(View.render(loaded.model()).hasCursor(), "cursor shown in the input box");
    }

    @Test
    void f_cycles_the_filter_all_on_customer_done_and_asks_for_each_list() {
        Step s = press(listFocused(), Key.ch('f'), Key.ch('f'), Key.ch('f'));
        assertEquals(List.of(new Cmd.LoadList(1, StatusFilter.ON_CUSTOMER, ""),
                new Cmd.LoadList(2, StatusFilter.DONE, ""), new Cmd.LoadList(3, StatusFilter.ALL, "")), s.commands());
        assertEquals(StatusFilter.ALL, s.model().list().filter());
    }

    @Test
    void a_new_filter_selects_the_first_matching_ticket_and_opens_it() {
        Step s = press(listFocused(), Key.ch('f'), Key.ch('f'));
        Ticket done = customerTickets().get(3);
        Step loaded = run(s.model(), new Msg.ListLoaded(2, List.of(done)));
        assertEquals(7L, loaded.model().list().selected());
        assertEquals(List.of(new Cmd.LoadTicket(7)), loaded.commands());
    }

    @Test
    void slash_searches_titles_as_you_type_in_cyrillic_and_esc_clears_the_search() {
        Step s = press(listFocused(), Key.ch('/'));
        s = type(s.model(), "сПиС");
        assertEquals(new Cmd.LoadList(4, StatusFilter.ALL, "сПиС"), s.commands().get(3));
        assertTrue(View.render(s.model()).toText().contains("/ сПиС"));
        Step cleared = press(s.model(), Key.of(Key.Kind.ESCAPE));
        assertEquals("", cleared.model().list().search().text());
        assertFalse(cleared.model().list().searching());
        assertEquals(List.of(new Cmd.LoadList(5, StatusFilter.ALL, "")), cleared.commands());
    }

    @Test
    void arrow_down_selects_the_next_ticket_and_loads_its_chat() {
        Step s = press(listFocused(), Key.of(Key.Kind.DOWN));
        assertEquals(11L, s.model().list().selected());
        assertEquals(List.of(new Cmd.LoadTicket(11)), s.commands());
        assertTrue(s.model().chat().loading());
    }

    @Test
    void enter_in_the_input_sends_the_text_and_clears_the_box() {
        Step s = press(customerModel(80, 24), Key.of(Key.Kind.ENTER));
        assertEquals(List.of(new Cmd.Send(12, "Страница всё ещё пустая")), s.commands());
        assertEquals("", s.model().input().text());
        Step sent = run(s.model(), new Msg.MessageSent(12, message(104, 12, ALICE_AUTHOR, "Страница всё ещё пустая", NOW)));
        assertEquals(4, sent.model().chat().messages().size());
        assertTrue(sent.commands().get(0) instanceof Cmd.LoadList, "the list is refreshed for the new activity");
    }

    @Test
    void alt_enter_and_ctrl_n_add_a_new_line_instead_of_sending() {
        Step s = press(customerModel(80, 24), Key.altEnter(), Key.ch('x'), Key.ctrl('n'), Key.ch('y'));
        assertEquals("Страница всё ещё пустая\nx\ny", s.model().input().text());
        assertTrue(s.commands().isEmpty());
    }

    @Test
    void letters_in_the_input_are_text_not_commands() {
        Step s = type(customerModel(80, 24).withInput(EditBuffer.EMPTY), "q?fn");
        assertEquals("q?fn", s.model().input().text());
        assertFalse(s.model().quit());
        assertTrue(s.model().dialog() instanceof Overlay.None);
    }

    @Test
    void a_blank_message_is_not_sent() {
        Step s = press(customerModel(80, 24).withInput(EditBuffer.of("  \n ")), Key.of(Key.Kind.ENTER));
        assertTrue(s.commands().isEmpty());
        assertNotNull(s.model().notice());
    }

    @Test
    void a_done_tickets_input_takes_no_text_and_enter_offers_a_new_ticket_referring_to_it() {
        TuiModel m = ViewGoldenTest.doneTicket(80, 24);
        Step typed = type(m, "x");
        assertEquals("", typed.model().input().text());
        Step s = press(m, Key.of(Key.Kind.ENTER));
        Overlay.NewTicketForm form = (Overlay.NewTicketForm) s.model().dialog();
        assertEquals(7L, form.ref());
        assertTrue(View.render(m).toText().contains("#7 is Done: a closed ticket cannot be reopened"));
    }

    @Test
    void the_new_ticket_form_asks_for_title_and_message_then_opens_the_ticket() {
        Step s = press(listFocused(), Key.ch('n'), Key.of(Key.Kind.TAB), Key.of(Key.Kind.TAB), Key.of(Key.Kind.ENTER));
        assertEquals("A ticket needs a title.", ((Overlay.NewTicketForm) s.model().dialog()).error());
        s = type(s.model(), "Бот молчит");
        s = press(s.model(), Key.of(Key.Kind.ENTER), Key.of(Key.Kind.RIGHT), Key.of(Key.Kind.ENTER));
        s = type(s.model(), "Шаг 1");
        s = press(s.model(), Key.altEnter());
        s = type(s.model(), "Шаг 2");
        s = press(s.model(), Key.of(Key.Kind.ENTER));
        Cmd.Create create = (Cmd.Create) s.commands().get(0);
        assertEquals("Бот молчит", create.ticket().title());
        assertEquals("Шаг 1\nШаг 2", create.ticket().body());
        assertEquals(TicketType.SUGGESTION, create.ticket().type());
        assertTrue(s.model().dialog() instanceof Overlay.None);
        Step created = run(s.model(), new Msg.TicketCreated(ticket(13, "Бот молчит", Status.ON_CUSTOMER,
                Awaiting.TEAM, 0, "acme", NOW)));
        assertEquals(13L, created.model().list().selected());
        assertTrue(created.commands().contains(new Cmd.LoadTicket(13)));
    }

    @Test
    void close_asks_first_and_only_y_closes() {
        Step no = press(listFocused(), Key.ch('c'), Key.ch('n'));
        assertTrue(no.commands().isEmpty());
        Step esc = press(listFocused(), Key.ch('c'), Key.of(Key.Kind.ESCAPE));
        assertTrue(esc.commands().isEmpty());
        Step yes = press(listFocused(), Key.ch('c'));
        assertTrue(View.render(yes.model()).toText().contains("Done is final"));
        yes = press(yes.model(), Key.ch('y'));
        assertEquals(List.of(new Cmd.Close(12)), yes.commands());
    }

    @Test
    void agents_see_the_tickets_awaiting_the_team_first() {
        TuiModel m = ViewGoldenTest.agentQueue(120, 40);
        List<Long> order = m.list().rows(true).stream().map(Ticket::id).toList();
        assertEquals(List.of(12L, 9L, 21L, 7L), order);
        assertTrue(View.render(m).toText().contains("On Customer · globex"));
    }

    @Test
    void tab_moves_the_focus_list_chat_input_and_back() {
        Step s = press(listFocused(), Key.of(Key.Kind.TAB));
        assertEquals(Focus.CHAT, s.model().focus());
        s = press(s.model(), Key.of(Key.Kind.TAB));
        assertEquals(Focus.INPUT, s.model().focus());
        s = press(s.model(), Key.of(Key.Kind.TAB));
        assertEquals(Focus.LIST, s.model().focus());
        s = press(s.model(), Key.of(Key.Kind.BACK_TAB));
        assertEquals(Focus.INPUT, s.model().focus());
        assertEquals(Focus.LIST, press(s.model(), Key.of(Key.Kind.ESCAPE)).model().focus());
    }

    @Test
    void q_quits_from_the_list_and_ctrl_c_quits_from_anywhere() {
        assertTrue(press(listFocused(), Key.ch('q')).model().quit());
        assertTrue(press(customerModel(80, 24).withInput(EditBuffer.EMPTY), Key.ctrl('c')).model().quit());
        TuiModel withDialog = listFocused().withDialog(Overlay.NewTicketForm.blank(null));
        assertTrue(press(withDialog, Key.ctrl('c')).model().quit());
    }

    @Test
    void quitting_with_an_unsent_draft_asks_first_and_any_key_but_y_keeps_it() {
        TuiModel drafting = customerModel(80, 24).withInput(EditBuffer.of("half a message"));
        for (TuiModel m : List.of(drafting.withFocus(Focus.LIST), drafting.withFocus(Focus.CHAT))) {
            Step asked = press(m, Key.ch('q'));
            assertFalse(asked.model().quit(), "q with a draft");
            assertTrue(asked.model().dialog() instanceof Overlay.ConfirmQuit);
            String screen = View.render(asked.model()).toText();
            assertTrue(screen.contains("You have a message that is not sent yet."), screen);
            Step kept = press(asked.model(), Key.ch('n'));
            assertFalse(kept.model().quit());
            assertEquals(Overlay.NONE, kept.model().dialog());
            assertEquals("half a message", kept.model().input().text());
            assertTrue(press(asked.model(), Key.ch('y')).model().quit());
        }
        Step ctrlC = press(drafting.withFocus(Focus.INPUT), Key.ctrl('c'));
        assertFalse(ctrlC.model().quit(), "Ctrl+C with a draft asks too");
        assertTrue(press(ctrlC.model(), Key.ctrl('c')).model().quit(), "a second Ctrl+C quits");
        TuiModel form = listFocused().withDialog(Overlay.NewTicketForm.blank(null)
                .withTitle(EditBuffer.of("Typed a title")));
        assertFalse(press(form, Key.ctrl('c')).model().quit(), "a half-filled new-ticket form is a draft");
        TuiModel l = listFocused();
        TuiModel elsewhere = l.withCompose(new Compose(l.input(), java.util.Map.of(99L, "kept elsewhere")));
        assertFalse(press(elsewhere, Key.ch('q')).model().quit(), "a draft kept for another ticket counts");
    }

    @Test
    void help_lists_the_keys_and_any_key_closes_it() {
        Step s = press(listFocused(), Key.ch('?'));
        String screen = View.render(s.model()).toText();
        for (String key : List.of("Alt+Enter", "Tab", "Esc", "/", "filter", "new ticket", "attach", "download",
                "close", "refresh", "quit")) {
            assertTrue(screen.contains(key), "help mentions " + key);
        }
        assertTrue(press(s.model(), Key.ch('x')).model().dialog() instanceof Overlay.None);
    }

    @Test
    void attach_completes_the_path_with_tab_and_sends_the_file_with_the_typed_text() {
        // the typed text keeps its first line's indentation (a pasted stack trace); blank lines around it go
        TuiModel m = listFocused().withInput(EditBuffer.of("\n    at a.B(B.java:1)\n"));
        Step s = press(m, Key.ch('a'));
        s = type(s.model(), "~/sc");
        s = press(s.model(), Key.of(Key.Kind.TAB));
        assertEquals(List.of(new Cmd.CompletePath("~/sc")), s.commands());
        s = run(s.model(), new Msg.PathCompleted("~/sc", List.of("~/screens/", "~/script.sh")));
        Overlay.AttachPrompt prompt = (Overlay.AttachPrompt) s.model().dialog();
        assertEquals("~/scr", prompt.path().text());
        assertEquals(2, prompt.candidates().size());
        s = type(s.model(), "eens/a.png");
        s = press(s.model(), Key.of(Key.Kind.ENTER));
        assertEquals(List.of(new Cmd.Attach(12, "~/screens/a.png", "    at a.B(B.java:1)")), s.commands());
        assertEquals("", s.model().input().text());
    }

    @Test
    void d_downloads_the_selected_attachment_or_the_newest_one() {
        Step newest = press(listFocused(), Key.ch('d'));
        assertEquals(List.of(new Cmd.Download(file(502, "dialog.txt", 512))), newest.commands());
        Step chosen = press(listFocused().withFocus(Focus.CHAT), Key.of(Key.Kind.DOWN), Key.ch('d'));
        assertEquals(List.of(new Cmd.Download(file(501, "скриншот-ошибки.png", 184_320))), chosen.commands());
        assertTrue(View.render(chosen.model()).toText().contains("» скриншот-ошибки.png"));
    }

    @Test
    void resizing_re_lays_the_screen_at_the_new_size() {
        Step s = run(customerModel(120, 40), new Msg.Resized(80, 24));
        Frame f = View.render(s.model());
        assertEquals(24, f.rows());
        assertEquals(80, f.cols());
        assertTrue(f.line(0).endsWith("? help"));
    }

    @Test
    void a_draft_stays_with_its_ticket_when_the_selection_moves() {
        TuiModel m = customerModel(80, 24).withFocus(Focus.LIST);
        Step s = press(m, Key.of(Key.Kind.DOWN));
        assertEquals("", s.model().input().text(), "the draft for #12 does not follow into #11");
        s = run(s.model(), new Msg.TicketLoaded(customerTickets().get(1).withMessages(List.of())));
        s = press(s.model(), Key.of(Key.Kind.UP));
        assertEquals("Страница всё ещё пустая", s.model().input().text());
    }
}
