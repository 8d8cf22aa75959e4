package dev.ticket.tui;

import com.googlecode.lanterna.TerminalTextUtils;
import dev.ticket.model.TerminalText;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;

/**
 * Text measured in terminal columns: Cyrillic takes one column, CJK and emoji two (Lanterna's
 * {@link TerminalTextUtils} decides), control characters never reach the terminal.
 */
public final class Text {
    private Text() {
    }

    /**
     * Composed (NFC), tabs as spaces, line ends as {@code \n}, other control characters in caret notation and
     * bidi controls as {@code <U+202E>} ({@link TerminalText#inert}, as the CLI's human output shows them).
     */
    public static String clean(String s) {
        if (s == null) {
            return "";
        }
        String text = Normalizer.normalize(s, Normalizer.Form.NFC)
                .replace("\r\n", "\n").replace('\r', '\n').replace("\t", "    ");
        return TerminalText.inert(text);
    }

    /** The cells a line of text occupies: one string per code point, zero-width marks left out. */
    public static List<String> cells(String s) {
        List<String> cells = new ArrayList<>(s.length());
        s.codePoints().forEach(cp -> {
            int type = Character.getType(cp);
            if (type != Character.NON_SPACING_MARK && type != Character.ENCLOSING_MARK
                    && type != Character.FORMAT) {
                cells.add(new String(Character.toChars(cp)));
            }
        });
        return cells;
    }

    /** Columns one cell takes: 1 or 2. */
    public static int cellWidth(String cell) {
        return Math.max(1, Math.min(2, TerminalTextUtils.getColumnWidth(cell)));
    }

    /** Columns a line takes. */
    public static int width(String s) {
        int w = 0;
        for (String cell : cells(s)) {
            w += cellWidth(cell);
        }
        return w;
    }

    /** At most {@code columns} wide, ending in … when cut. */
    public static String fit(String s, int columns) {
        if (columns <= 0) {
            return "";
        }
        if (width(s) <= columns) {
            return s;
        }
        return take(s, columns - 1) + "…";
    }

    /** The longest start of {@code s} at most {@code columns} wide. */
    public static String take(String s, int columns) {
        StringBuilder out = new StringBuilder();
        int w = 0;
        for (String cell : cells(s)) {
            int cw = cellWidth(cell);
            if (w + cw > columns) {
                break;
            }
            out.append(cell);
            w += cw;
        }
        return out.toString();
    }

    /** Word-wrapped to {@code columns}; words longer than a line are cut; {@code \n} starts a new line. */
    public static List<String> wrap(String s, int columns) {
        List<String> lines = new ArrayList<>();
        int width = Math.max(1, columns);
        for (String paragraph : clean(s).split("\n", -1)) {
            wrapParagraph(paragraph, width, lines);
        }
        return lines;
    }

    private static void wrapParagraph(String paragraph, int width, List<String> lines) {
        StringBuilder line = new StringBuilder();
        int lineWidth = 0;
        boolean first = true;
        for (String word : paragraph.split(" ", -1)) {
            int ww = width(word);
            if (!first && lineWidth + 1 + ww <= width) {
                line.append(' ').append(word);
                lineWidth += 1 + ww;
                continue;
            }
            if (!first) {
                lines.add(line.toString());
                line.setLength(0);
            }
            first = false;
            while (width(word) > width) {
                String head = take(word, width);
                lines.add(head);
                word = word.substring(head.length());
            }
            line.append(word);
            lineWidth = width(word);
        }
        lines.add(line.toString());
    }

    /** Cut every {@code columns} columns regardless of words (the input box, where the cursor must map). */
    public static List<String> hardWrap(String s, int columns) {
        List<String> lines = new ArrayList<>();
        for (String paragraph : s.split("\n", -1)) {
            String rest = paragraph;
            while (width(rest) > columns) {
                String head = take(rest, columns);
                lines.add(head);
                rest = rest.substring(head.length());
            }
            lines.add(rest);
        }
        return lines;
    }
}
