package dev.ticket.tui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Columns and editing by grapheme cluster: what a reader sees as one character is one cell. */
class TextTest {
    @Test
    void emoji_sequences_are_one_cell_of_two_columns() {
        assertEquals(List.of("a", "👩‍💻", "b"), Text.cells("a👩‍💻b"));
        assertEquals(4, Text.width("a👩‍💻b"));
        assertEquals(2, Text.width("👍🏽"));
        assertEquals(2, Text.width("🇷🇺"));
        assertEquals(2, Text.width("❤️"));
        assertEquals(1, Text.width("é"));
        assertEquals(6, Text.width("Привет"));
        assertEquals(4, Text.width("预订"));
    }

    @Test
    void a_sequence_is_drawn_as_its_first_emoji_and_the_text_itself_is_kept() {
        assertEquals("👩", Text.glyph("👩‍💻"));
        assertEquals("👍", Text.glyph("👍🏽"));
        assertEquals("❤️", Text.glyph("❤️"));
        assertEquals("😀", Text.glyph("😀"));
        assertEquals("a👩‍💻", Text.take("a👩‍💻b", 3));
        assertEquals(List.of("ab", "👩‍💻", "c"), Text.hardWrap("ab👩‍💻c", 2));
    }

    @Test
    void backspace_and_arrows_move_over_a_whole_sequence() {
        EditBuffer typed = EditBuffer.of("hi 👨‍👩‍👧‍👦");
        assertEquals("hi ", typed.backspace().text());
        assertEquals(3, typed.left().cursor());
        assertEquals("hi ", new EditBuffer("hi 👍🏽!", 3).delete().text().substring(0, 3));
        assertEquals("hi !", new EditBuffer("hi 👍🏽!", 3).delete().text());
        assertEquals(3 + "👍🏽".length(), new EditBuffer("hi 👍🏽!", 3).right().cursor());
    }

    @Test
    void typing_an_emoji_key_by_key_joins_its_surrogate_halves() {
        String emoji = "😀";
        EditBuffer b = EditBuffer.EMPTY;
        for (char c : emoji.toCharArray()) {
            b = b.edit(Key.ch(c), false).orElseThrow();
        }
        assertEquals(emoji, b.text());
        assertEquals(List.of(emoji), Text.cells(b.text()));
    }
}
