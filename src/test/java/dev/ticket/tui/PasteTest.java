package dev.ticket.tui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class PasteTest {
    private static final Key ENTER = Key.of(Key.Kind.ENTER);

    @Test
    void line_breaks_inside_a_pasted_burst_become_new_lines_not_sends() {
        List<Key> burst = List.of(Key.ch('a'), ENTER, Key.ch('b'), ENTER, ENTER, Key.ch('c'), ENTER);
        assertEquals(List.of(Key.ch('a'), Key.altEnter(), Key.ch('b'), Key.altEnter(), Key.altEnter(),
                Key.ch('c'), Key.altEnter()), Paste.fold(burst));
    }

    @Test
    void tabs_inside_a_pasted_burst_stay_text_so_the_focus_does_not_move() {
        TuiModel m = Fixtures.customerModel(80, 24).withInput(EditBuffer.EMPTY);
        List<Key> burst = new java.util.ArrayList<>();
        "NPE\n\tat a.B(B.java:1)".chars().forEach(c -> burst.add(c == '\n' ? ENTER
                : c == '\t' ? Key.of(Key.Kind.TAB) : Key.ch((char) c)));
        Step s = UpdateTest.press(m, Paste.fold(burst).toArray(Key[]::new));
        assertEquals(Focus.INPUT, s.model().focus());
        assertEquals("NPE\n\tat a.B(B.java:1)", s.model().input().text());
        assertEquals(List.of(), s.commands());
    }

    @Test
    void an_enter_pressed_on_its_own_still_sends() {
        assertEquals(List.of(ENTER), Paste.fold(List.of(ENTER)));
        assertEquals(List.of(Key.of(Key.Kind.DOWN), ENTER), Paste.fold(List.of(Key.of(Key.Kind.DOWN), ENTER)));
    }

    @Test
    void a_pasted_multi_line_log_becomes_one_message() {
        TuiModel m = Fixtures.customerModel(80, 24).withInput(EditBuffer.EMPTY);
        List<Key> burst = new java.util.ArrayList<>();
        "line 1\nline 2\n".chars().forEach(c -> burst.add(c == '\n' ? ENTER : Key.ch((char) c)));
        Step s = UpdateTest.press(m, Paste.fold(burst).toArray(Key[]::new));
        assertEquals("line 1\nline 2\n", s.model().input().text());
        Step sent = UpdateTest.press(s.model(), ENTER);
        assertEquals(List.of(new Cmd.Send(12, "line 1\nline 2")), sent.commands());
    }

    @Test
    void a_pasted_table_keeps_its_header_indentation_and_loses_only_blank_lines_and_trailing_space() {
        TuiModel m = Fixtures.customerModel(80, 24).withInput(EditBuffer.of("\n  ID  STATUS\n  12  Open  \n\n"));
        Step sent = UpdateTest.press(m, ENTER);
        assertEquals(List.of(new Cmd.Send(12, "  ID  STATUS\n  12  Open")), sent.commands());
    }

    @Test
    void a_box_of_only_white_space_is_still_not_sent() {
        TuiModel m = Fixtures.customerModel(80, 24).withInput(EditBuffer.of("  \n \t "));
        Step s = UpdateTest.press(m, ENTER);
        assertEquals(List.of(), s.commands());
        assertEquals("  \n \t ", s.model().input().text());
    }
}
