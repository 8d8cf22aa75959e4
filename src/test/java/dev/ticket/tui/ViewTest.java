package dev.ticket.tui;

import static dev.ticket.tui.Fixtures.*;
import static org.junit.jupiter.api.Assertions.*;

import dev.ticket.model.Ticket;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/** Properties of drawn screens that goldens alone would not make obvious. */
class ViewTest {

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.ticket.tui.ViewGoldenTest#screens")
    void every_row_is_exactly_as_wide_as_the_terminal_even_with_cjk_and_cyrillic(ViewGoldenTest.Screen screen) {
        Frame f = View.render(screen.model().apply(screen.cols(), screen.rows()));
        for (int y = 0; y < f.rows(); y++) {
            int columns = 0;
            for (int x = 0; x < f.cols(); x++) {
                Frame.Cell c = f.cell(x, y);
                if (!c.text().isEmpty()) {
                    columns += Text.cellWidth(c.text());
                    if (Text.cellWidth(c.text()) == 2) {
                        assertEquals("", f.cell(x + 1, y).text(), "a wide character owns the next cell, row " + y);
                    }
                }
            }
            assertEquals(f.cols(), columns, "row " + y + ": " + f.line(y));
        }
    }

    @Test
    void emoji_and_zwj_sequences_take_two_columns_so_the_chat_stays_aligned() {
        TuiModel m = customerModel(80, 24);
        String body = "Готово 👍🏽 👩‍💻 🇷🇺 ❤️ 😀 预订 end";
        Ticket t = m.chat().ticket().withMessages(List.of(message(1, 12, BOB_AUTHOR, body, NOW)));
        Frame f = View.render(m.withChat(m.chat().withTicket(t)));
        String line = f.lines().stream().filter(l -> l.contains("Готово")).findFirst().orElseThrow();
        // each sequence is drawn as its first emoji in two columns; nothing becomes '?' or U+FFFD
        assertTrue(line.contains("Готово 👍 👩 🇷 ❤️ 😀 预订 end"), line);
        int y = f.lines().indexOf(line);
        List<String> cells = new java.util.ArrayList<>();
        for (int col = 0; col < f.cols(); col++) {
            cells.add(f.cell(col, y).text());
        }
        int start = cells.indexOf("Г");
        // columns: "Готово " 7, then four 2-column emoji with a space after each, 😀 2 + space, 预订 4, " end"
        assertEquals("e", cells.get(start + 7 + 3 * 4 + 3 + 4 + 1));
        assertEquals("👩", cells.get(start + 7 + 3));
        assertEquals("", cells.get(start + 7 + 3 + 1), "the right half of a wide cell");
    }

    @Test
    void the_unread_counter_is_red() {
        Frame f = View.render(customerModel(80, 24));
        int row = 6;
        assertTrue(f.line(row).startsWith("  #11 Консьерж не отвечае…  3 │"), f.line(row));
        Frame.Cell digit = f.cell(28, row);
        assertEquals("3", digit.text());
        assertEquals(Tone.RED, digit.style().bg());
    }

    @Test
    void the_customer_writes_on_the_right_and_the_team_on_the_left() {
        Frame f = View.render(customerModel(120, 40));
        int chatX = Layout.of(customerModel(120, 40)).chatX();
        String team = f.lines().stream().filter(l -> l.contains("Thanks! Could you")).findFirst().orElseThrow();
        String customer = f.lines().stream().filter(l -> l.contains("Вот ссылка")).findFirst().orElseThrow();
        assertEquals(chatX + 1, team.indexOf("│ Thanks"), "team message starts at the pane's left edge");
        assertTrue(customer.indexOf("│ Вот") > chatX + 20, "customer message is pushed right");
    }

    @Test
    void long_messages_wrap_and_long_words_are_cut_to_fit() {
        TuiModel m = customerModel(80, 24);
        Ticket t = m.chat().ticket().withMessages(List.of(message(1, 12, BOB_AUTHOR,
                "x".repeat(200) + " конец", NOW)));
        Frame f = View.render(m.withChat(m.chat().withTicket(t)));
        long wrapped = f.lines().stream().filter(l -> l.contains("xxxxxxxxxx")).count();
        assertTrue(wrapped >= 5, "the long word spans several lines");
        assertTrue(f.toText().contains("конец"));
    }

    @Test
    void control_characters_in_a_message_never_reach_the_terminal() {
        TuiModel m = customerModel(80, 24);
        Ticket t = m.chat().ticket().withMessages(List.of(message(1, 12, BOB_AUTHOR,
                "before\u001b[2Jafter\u0007", NOW)));
        String screen = View.render(m.withChat(m.chat().withTicket(t))).toText();
        assertFalse(screen.contains("\u001b"));
        assertFalse(screen.contains("\u0007"));
        assertTrue(screen.contains("before^[[2Jafter^G"), screen);
    }

    @Test
    void a_terminal_too_small_says_what_size_is_needed() {
        Frame f = View.render(customerModel(40, 10));
        assertTrue(f.toText().contains("at least 60×14"), f.toText());
    }

    @Test
    void the_cursor_sits_after_the_typed_text_in_the_input_box() {
        TuiModel m = customerModel(80, 24);
        Frame f = View.render(m);
        Layout lay = Layout.of(m);
        assertEquals(lay.inputTop() + 1, f.cursorY());
        assertEquals(lay.chatX() + 3 + Text.width("Страница всё ещё пустая"), f.cursorX());
    }

    @Test
    void text_width_counts_cjk_as_two_columns_and_cyrillic_as_one() {
        assertEquals(6, Text.width("Привет"));
        assertEquals(4, Text.width("预订"));
        assertEquals(List.of("один два", "три"), Text.wrap("один два три", 9));
        assertEquals(List.of("预订链", "接"), Text.hardWrap("预订链接", 6));
        assertEquals("预…", Text.fit("预订链接", 4));
    }
}
