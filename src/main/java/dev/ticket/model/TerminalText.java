package dev.ticket.model;

/**
 * Text on its way between a terminal and the service (rules.md, contract). What the CLI sends is {@link #clean}ed: a
 * CI log's colours and cursor moves do not belong in a ticket. What it shows is made {@link #inert}: a title
 * or an error detail from the service cannot move the cursor, set the window title, ring, or reorder the
 * line.
 *
 * <p>Hand-written because the ANSI strippers at hand each leave something through (measured on JLine 3.30's
 * {@code AttributedString.stripAnsi} and its bundled Jansi {@code AnsiOutputStream} in strip mode: neither
 * removes 8-bit CSI {@code U+009B}, ESC-7 or DCS strings, and stripAnsi leaves {@code 25l} of {@code ESC[?25l}).
 * The grammar is ECMA-48's: CSI (parameter bytes, intermediate bytes, final byte); the control strings OSC,
 * DCS, SOS, PM and APC up to ST or BEL; other escape sequences as ESC, intermediates, final byte.
 */
public final class TerminalText {
    private static final int ESC = 0x1B;
    private static final int BEL = 0x07;
    private static final int CSI8 = 0x9B;
    private static final int ST8 = 0x9C;

    private TerminalText() {
    }

    /**
     * The text to send: escape sequences removed, {@code \r\n} made {@code \n}, other C0 and C1 controls
     * except tab and newline removed. Null stays null.
     */
    public static String clean(String text) {
        if (text == null) {
            return null;
        }
        StringBuilder out = new StringBuilder(text.length());
        int n = text.length();
        int i = 0;
        while (i < n) {
            int c = text.charAt(i);
            if (c == ESC) {
                i = afterEscape(text, i + 1);
            } else if (c == CSI8) {
                i = afterCsi(text, i + 1);
            } else if (isStringIntroducer8(c)) {
                i = afterString(text, i + 1);
            } else if (c == '\n' || c == '\t') {
                out.append((char) c);
                i++;
            } else if (isControl(c)) {
                i++; // \r of \r\n included: the \n that follows stays
            } else {
                out.append((char) c);
                i++;
            }
        }
        return out.toString();
    }

    /**
     * The text to show on a terminal: C0 and C1 controls other than newline and tab in caret notation as
     * go-gh's asciisanitizer writes them ({@code ESC} is {@code ^[}, a C1 control its C0 letter: {@code U+009B}
     * is {@code ^[} too), DEL as {@code ^?}, and the bidi controls U+202A–U+202E and U+2066–U+2069 as
     * {@code <U+202E>}. Null becomes the empty string.
     */
    public static String inert(String text) {
        return inert(text, false);
    }

    /**
     * As {@link #inert(String)}, for a place that holds one line (a table cell, a name, a title in a
     * sentence): newline and tab in caret notation too ({@code ^J}, {@code ^I}), so no text can add a row.
     */
    public static String inertLine(String text) {
        return inert(text, true);
    }

    private static String inert(String text, boolean oneLine) {
        if (text == null) {
            return "";
        }
        if (!needsWork(text, oneLine)) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ((c == '\n' || c == '\t') && !oneLine) {
                out.append(c);
            } else if (c < 0x20) {
                out.append('^').append((char) (c + 0x40));
            } else if (c == 0x7F) {
                out.append("^?");
            } else if (c >= 0x80 && c < 0xA0) {
                out.append('^').append((char) (c - 0x80 + 0x40));
            } else if (isBidiControl(c)) {
                out.append("<U+").append(Integer.toHexString(c).toUpperCase(java.util.Locale.ROOT)).append('>');
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static boolean needsWork(String text, boolean oneLine) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (isControl(c) && (oneLine || (c != '\n' && c != '\t')) || isBidiControl(c)) {
                return true;
            }
        }
        return false;
    }

    /** C0 (with DEL) or C1. */
    static boolean isControl(int c) {
        return c < 0x20 || (c >= 0x7F && c < 0xA0);
    }

    /** The embeddings, overrides and isolates of Unicode's bidi algorithm. */
    static boolean isBidiControl(int c) {
        return (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);
    }

    /** 8-bit DCS, SOS, OSC, PM, APC. */
    private static boolean isStringIntroducer8(int c) {
        return c == 0x90 || c == 0x98 || c == 0x9D || c == 0x9E || c == 0x9F;
    }

    /** Where the text goes on after the escape sequence whose ESC stands just before {@code i}. */
    private static int afterEscape(String text, int i) {
        if (i >= text.length()) {
            return i;
        }
        char c = text.charAt(i);
        if (c == '[') {
            return afterCsi(text, i + 1);
        }
        if (c == ']' || c == 'P' || c == 'X' || c == '^' || c == '_') {
            return afterString(text, i + 1);
        }
        int j = i;
        while (j < text.length() && text.charAt(j) >= 0x20 && text.charAt(j) <= 0x2F) {
            j++; // intermediate bytes, as in ESC ( B
        }
        if (j < text.length() && text.charAt(j) >= 0x30 && text.charAt(j) <= 0x7E) {
            j++; // the final byte, as in ESC 7 or ESC c
        }
        return j;
    }

    /** After a control sequence: parameter bytes 0x30–0x3F, intermediate bytes 0x20–0x2F, a final byte. */
    private static int afterCsi(String text, int i) {
        int j = i;
        while (j < text.length() && text.charAt(j) >= 0x30 && text.charAt(j) <= 0x3F) {
            j++;
        }
        while (j < text.length() && text.charAt(j) >= 0x20 && text.charAt(j) <= 0x2F) {
            j++;
        }
        if (j < text.length() && text.charAt(j) >= 0x40 && text.charAt(j) <= 0x7E) {
            j++;
        }
        return j;
    }

    /**
     * After a control string (OSC, DCS...): up to ST ({@code ESC \} or U+009C) or BEL. One left open ends at
     * the line's end, so a stray {@code ESC ]} in a log costs that line's rest, not the rest of the log.
     */
    private static int afterString(String text, int i) {
        int j = i;
        while (j < text.length()) {
            char c = text.charAt(j);
            if (c == BEL || c == ST8) {
                return j + 1;
            }
            if (c == ESC && j + 1 < text.length() && text.charAt(j + 1) == '\\') {
                return j + 2;
            }
            if (c == '\n') {
                return j;
            }
            j++;
        }
        return j;
    }
}
