package dev.ticket.tui;

/**
 * A key press as the chat view understands it, free of terminal types: the runner translates
 * Lanterna's key strokes into these so that {@link Update} can be tested without a terminal.
 */
public record Key(Kind kind, char ch, boolean ctrl, boolean alt) {

    /** The keys the view reacts to; everything else arrives as {@code OTHER}. */
    public enum Kind {
        CHAR, ENTER, ESCAPE, BACKSPACE, DELETE, TAB, BACK_TAB, UP, DOWN, LEFT, RIGHT,
        HOME, END, PAGE_UP, PAGE_DOWN, F1, F5, OTHER
    }

    public static Key of(Kind kind) {
        return new Key(kind, '\0', false, false);
    }

    public static Key ch(char c) {
        return new Key(Kind.CHAR, c, false, false);
    }

    public static Key ctrl(char c) {
        return new Key(Kind.CHAR, Character.toLowerCase(c), true, false);
    }

    /** Alt+Enter: the documented key for a new line in a message. */
    public static Key altEnter() {
        return new Key(Kind.ENTER, '\0', false, true);
    }

    /** A plain character with no modifier: text when typing, a command key otherwise. */
    public boolean isText() {
        return kind == Kind.CHAR && !ctrl && !alt;
    }

    public boolean is(char c) {
        return isText() && ch == c;
    }

    public boolean isCtrl(char c) {
        return kind == Kind.CHAR && ctrl && !alt && ch == c;
    }

    public boolean is(Kind k) {
        return kind == k && !alt;
    }

    /** Alt+Enter, or Ctrl+N where the terminal keeps Alt+Enter for itself. */
    public boolean isNewline() {
        return (kind == Kind.ENTER && alt) || isCtrl('n');
    }
}
