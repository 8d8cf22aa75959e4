package dev.ticket.tui;

import java.util.Optional;

/**
 * Text being typed (a message, a search, a path) and the cursor in it, as a char index; the cursor moves and
 * deletes by grapheme cluster, so an emoji sequence goes as one character.
 */
public record EditBuffer(String text, int cursor) {
    public static final EditBuffer EMPTY = new EditBuffer("", 0);

    public EditBuffer {
        text = text == null ? "" : text;
        cursor = Math.max(0, Math.min(cursor, text.length()));
    }

    /** The text with the cursor at its end. */
    public static EditBuffer of(String text) {
        return new EditBuffer(text, text == null ? 0 : text.length());
    }

    public boolean isBlank() {
        return text.isBlank();
    }

    public EditBuffer insert(String s) {
        return new EditBuffer(text.substring(0, cursor) + s + text.substring(cursor), cursor + s.length());
    }

    public EditBuffer backspace() {
        if (cursor == 0) {
            return this;
        }
        int from = Text.previousBoundary(text, cursor);
        return new EditBuffer(text.substring(0, from) + text.substring(cursor), from);
    }

    public EditBuffer delete() {
        if (cursor == text.length()) {
            return this;
        }
        int to = Text.nextBoundary(text, cursor);
        return new EditBuffer(text.substring(0, cursor) + text.substring(to), cursor);
    }

    public EditBuffer left() {
        return cursor == 0 ? this : new EditBuffer(text, Text.previousBoundary(text, cursor));
    }

    public EditBuffer right() {
        return cursor == text.length() ? this : new EditBuffer(text, Text.nextBoundary(text, cursor));
    }

    /** To the start of the current line. */
    public EditBuffer home() {
        return new EditBuffer(text, text.lastIndexOf('\n', cursor - 1) + 1);
    }

    /** To the end of the current line. */
    public EditBuffer end() {
        int nl = text.indexOf('\n', cursor);
        return new EditBuffer(text, nl < 0 ? text.length() : nl);
    }

    /**
     * The buffer after an editing key (typing, Backspace, Delete, arrows, Home, End, and the
     * new-line key when {@code multiline}); empty when the key is not an editing key.
     */
    public Optional<EditBuffer> edit(Key key, boolean multiline) {
        if (key.isText()) {
            return Optional.of(insert(String.valueOf(key.ch())));
        }
        if (multiline && key.isNewline()) {
            return Optional.of(insert("\n"));
        }
        if (key.alt() || key.ctrl()) {
            return Optional.empty();
        }
        switch (key.kind()) {
            case BACKSPACE: return Optional.of(backspace());
            case DELETE: return Optional.of(delete());
            case LEFT: return Optional.of(left());
            case RIGHT: return Optional.of(right());
            case HOME: return Optional.of(home());
            case END: return Optional.of(end());
            default: return Optional.empty();
        }
    }
}
