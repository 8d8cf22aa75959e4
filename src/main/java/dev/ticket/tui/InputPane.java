package dev.ticket.tui;

import java.util.List;

/**
 * The input box under the chat. For an open ticket: the message being typed (Enter sends,
 * Alt+Enter adds a line). For a Done ticket: why it cannot take text, and how to follow up (R4).
 */
final class InputPane {
    private static final String PROMPT = "› ";

    private InputPane() {
    }

    /** What a Done ticket's input box says instead of accepting text. */
    static String closedText(long ticketId) {
        return "#" + ticketId + " is Done: a closed ticket cannot be reopened or replied to. "
                + "Press n to open a new ticket that refers to it.";
    }

    static int lineCount(TuiModel m, int chatWidth) {
        return lines(m, chatWidth).size();
    }

    private static List<String> lines(TuiModel m, int chatWidth) {
        int width = Math.max(1, chatWidth - 3);
        if (m.chat().isDone()) {
            return Text.wrap(closedText(m.chat().ticket().id()), width);
        }
        if (!m.chat().isOpen()) {
            return List.of("");
        }
        return Text.hardWrap(Text.clean(m.input().text()), width);
    }

    static void draw(Frame f, TuiModel m, Layout lay) {
        int x0 = lay.chatX();
        boolean focused = m.focus() == Focus.INPUT;
        Style rule = focused ? Style.fg(Tone.CYAN) : Style.DIM;
        f.put(x0, lay.inputTop(), "─".repeat(lay.chatWidth()), rule, lay.cols());
        Chat chat = m.chat();
        if (!chat.isOpen()) {
            return;
        }
        if (chat.isDone()) {
            List<String> lines = lines(m, lay.chatWidth());
            for (int i = 0; i < lay.inputLines() && i < lines.size(); i++) {
                f.put(x0 + 1, lay.inputTop() + 1 + i, lines.get(i), Style.fg(Tone.YELLOW), lay.cols());
            }
            return;
        }
        f.put(x0, lay.inputTop(), "─ Reply to #" + chat.ticket().id() + " ", rule, lay.cols());
        f.put(x0 + 1, lay.inputTop() + 1, PROMPT, focused ? Style.fg(Tone.CYAN).bolded() : Style.DIM, lay.cols());
        if (m.input().text().isEmpty() && !focused) {
            f.put(x0 + 3, lay.inputTop() + 1, "Tab or Enter here to write a message", Style.DIM, lay.cols());
            return;
        }
        drawText(f, m, lay, focused);
    }

    private static void drawText(Frame f, TuiModel m, Layout lay, boolean focused) {
        int width = Math.max(1, lay.chatWidth() - 3);
        List<String> lines = Text.hardWrap(Text.clean(m.input().text()), width);
        String before = Text.clean(m.input().text().substring(0, m.input().cursor()));
        List<String> beforeLines = Text.hardWrap(before, width);
        int cursorLine = beforeLines.size() - 1;
        int cursorCol = Text.width(beforeLines.get(cursorLine));
        int first = Math.max(0, cursorLine - lay.inputLines() + 1);
        for (int i = 0; i < lay.inputLines() && first + i < lines.size(); i++) {
            f.put(lay.chatX() + 3, lay.inputTop() + 1 + i, lines.get(first + i), Style.PLAIN, lay.cols());
        }
        if (focused && m.dialog() instanceof Overlay.None) {
            f.cursor(Math.min(lay.cols() - 1, lay.chatX() + 3 + cursorCol), lay.inputTop() + 1 + cursorLine - first);
        }
    }
}
