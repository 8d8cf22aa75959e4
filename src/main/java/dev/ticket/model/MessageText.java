package dev.ticket.model;

import java.util.regex.Pattern;

/**
 * The trimming a message body gets (rules.md, contract): blank lines before the text and white space after it
 * go, but the first line's indentation stays, so a pasted table's header or an indented stack trace line
 * still lines up with the rest.
 */
public final class MessageText {
    private static final Pattern LEADING_BLANK_LINES = Pattern.compile("\\A(?:[\\h\\x0B\\f]*(?:\\r\\n|[\\n\\r]))+");

    private MessageText() {
    }

    /** The text without leading blank lines and trailing white space; null stays null. */
    public static String trim(String text) {
        return text == null ? null : LEADING_BLANK_LINES.matcher(text).replaceFirst("").stripTrailing();
    }
}
