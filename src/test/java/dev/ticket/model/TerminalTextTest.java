package dev.ticket.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class TerminalTextTest {
    record Case(String name, String in, String out) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Case> sent() {
        return Stream.of(
                new Case("SGR colours", "\u001b[31mFAIL\u001b[0m test_x", "FAIL test_x"),
                new Case("truecolour and bold", "\u001b[1;38;2;255;0;0mred\u001b[m", "red"),
                new Case("private mode (cursor hide)", "a\u001b[?25lb\u001b[?25h", "ab"),
                new Case("erase line and column", "\u001b[2K\u001b[1Gprogress 50%", "progress 50%"),
                new Case("OSC title ended by BEL", "\u001b]0;title\u0007after", "after"),
                new Case("OSC 8 link ended by ST", "\u001b]8;;http://x\u001b\\link\u001b]8;;\u001b\\ end", "link end"),
                new Case("DCS", "\u001bP1$r0m\u001b\\done", "done"),
                new Case("APC and PM", "\u001b_apc\u001b\\\u001b^pm\u001b\\x", "x"),
                new Case("8-bit CSI", "\u009b31mred\u009b0m", "red"),
                new Case("8-bit OSC ended by 8-bit ST", "\u009d0;t\u009cok", "ok"),
                new Case("charset designation", "a\u001b(Bb", "ab"),
                new Case("save cursor", "\u001b7saved\u001b8", "saved"),
                new Case("CRLF", "one\r\ntwo\r\n", "one\ntwo\n"),
                new Case("lone CR, BEL, backspace, NUL, DEL", "a\rb\u0007c\bd\u0000e\u007ff", "abcdef"),
                new Case("tabs and newlines stay", "a\tb\nc", "a\tb\nc"),
                new Case("unterminated OSC ends at the line", "\u001b]0;broken\nnext", "\nnext"),
                new Case("ESC at the end", "end\u001b", "end"),
                new Case("Unicode stays", "Привет 👋 ‮x", "Привет 👋 ‮x"));
    }

    @ParameterizedTest
    @MethodSource("sent")
    void clean_removes_escape_sequences_and_controls(Case c) {
        assertEquals(c.out(), TerminalText.clean(c.in()));
    }

    static Stream<Case> shown() {
        return Stream.of(
                new Case("ESC", "\u001b[31mred", "^[[31mred"),
                new Case("BEL, NUL, CR", "a\u0007b\u0000c\rd", "a^Gb^@c^Md"),
                new Case("FS is caret backslash", "\u001c", "^\\"),
                new Case("DEL", "\u007f", "^?"),
                new Case("C1 as its C0 letter, as go-gh", "\u009b31m\u0085\u009d", "^[31m^E^]"),
                new Case("bidi override and isolates", "abc\u202edcb\u2066x\u2069", "abc<U+202E>dcb<U+2066>x<U+2069>"),
                new Case("newline and tab stay", "a\nb\tc", "a\nb\tc"),
                new Case("plain text is the same", "Привет 👋", "Привет 👋"));
    }

    @ParameterizedTest
    @MethodSource("shown")
    void inert_shows_controls_in_caret_notation(Case c) {
        assertEquals(c.out(), TerminalText.inert(c.in()));
    }

    @org.junit.jupiter.api.Test
    void inert_line_shows_newline_and_tab_too() {
        assertEquals("a^Jb^Ic", TerminalText.inertLine("a\nb\tc"));
        assertEquals("", TerminalText.inert(null));
    }
}
