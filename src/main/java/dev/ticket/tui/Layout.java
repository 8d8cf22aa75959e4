package dev.ticket.tui;

/**
 * Where everything goes at a terminal size: row 0 the title bar, the last row the status line,
 * between them the ticket list on the left and, on the right, the chat header, the messages and
 * the input box. Shared by {@link View} and by {@link Update} (which scrolls by the same page size).
 */
record Layout(int cols, int rows, int listWidth, int chatX, int chatWidth, int bodyTop, int bodyBottom,
              int messagesTop, int inputTop, int inputLines) {

    static final int MIN_COLS = 60;
    static final int MIN_ROWS = 14;
    static final int MAX_INPUT_LINES = 4;

    static Layout of(TuiModel m) {
        int listWidth = Math.max(26, Math.min(44, m.cols() * 3 / 8));
        int chatX = listWidth + 1;
        int chatWidth = m.cols() - chatX;
        int bodyTop = 1;
        int bodyBottom = m.rows() - 1;
        int inputLines = Math.max(1, Math.min(MAX_INPUT_LINES, InputPane.lineCount(m, chatWidth)));
        int inputTop = bodyBottom - inputLines - 1;
        return new Layout(m.cols(), m.rows(), listWidth, chatX, chatWidth, bodyTop, bodyBottom,
                bodyTop + 3, inputTop, inputLines);
    }

    boolean tooSmall() {
        return cols < MIN_COLS || rows < MIN_ROWS;
    }

    /** Rows for messages, between the chat header and the input box. */
    int messagesHeight() {
        return Math.max(0, inputTop - messagesTop);
    }

    /** First row of the ticket rows (under the filter, search and rule lines). */
    int listTop() {
        return bodyTop + 3;
    }

    /** How many tickets fit; each takes two rows. */
    int visibleTickets() {
        return Math.max(1, (bodyBottom - listTop()) / 2);
    }
}
