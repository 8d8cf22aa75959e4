package dev.ticket.tui;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class WholeStringTerminalTest {
    @Test
    void characters_outside_the_bmp_reach_the_terminal_whole_not_as_question_marks() {
        for (String text : new String[] {"😀", "👩", "🇷", "❤️", "预", "Ё", "x"}) {
            assertArrayEquals(text.getBytes(StandardCharsets.UTF_8),
                    WholeStringTerminal.encode(text, StandardCharsets.UTF_8), text);
        }
        assertArrayEquals("ab".getBytes(StandardCharsets.UTF_8),
                WholeStringTerminal.encode("a\u001bb", StandardCharsets.UTF_8), "no control character");
    }
}
