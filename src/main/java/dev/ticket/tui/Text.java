package dev.ticket.tui;

import com.googlecode.lanterna.TerminalTextUtils;
import dev.ticket.model.TerminalText;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Text measured in terminal columns, one cell per grapheme cluster (what a reader sees as one character): Cyrillic
 * takes one column, CJK and emoji two (Lanterna's {@link TerminalTextUtils} decides for single characters),
 * control characters never reach the terminal.
 *
 * <p>Emoji sequences (ZWJ sequences such as 👩‍💻, skin tones, flags, keycaps) take two columns and are drawn as
 * their first emoji ({@link #glyph}): terminals disagree on how wide the whole sequence is (two columns where they
 * join it, up to eight where they do not), and a chat whose bubbles shift by terminal is worse than a simpler
 * picture. The text itself (sent, stored, {@code --json}) is never changed.
 */
public final class Text {
    /** A grapheme cluster: Java's {@code \X} knows the extended clusters of emoji sequences. */
    private static final Pattern GRAPHEME = Pattern.compile("\\X");
    private static final int ZWJ = 0x200D;
    private static final int VS16 = 0xFE0F;

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

    /** The grapheme clusters of {@code s}, in order; joined they are {@code s} again. */
    public static List<String> clusters(String s) {
        List<String> clusters = new ArrayList<>(s.length());
        Matcher m = GRAPHEME.matcher(s);
        while (m.find()) {
            clusters.add(m.group());
        }
        return clusters;
    }

    /** The cells a line of text occupies: one string per grapheme cluster, zero-width ones left out. */
    public static List<String> cells(String s) {
        List<String> cells = clusters(s);
        cells.removeIf(cell -> cellWidth(cell) == 0);
        return cells;
    }

    /** Where the cluster after char index {@code i} ends (the text's length at its end). */
    public static int nextBoundary(String s, int i) {
        Matcher m = GRAPHEME.matcher(s);
        return m.find(i) ? m.end() : s.length();
    }

    /** Where the cluster before char index {@code i} starts (0 at the text's start). */
    public static int previousBoundary(String s, int i) {
        int start = 0;
        Matcher m = GRAPHEME.matcher(s);
        while (m.find() && m.end() < i) {
            start = m.end();
        }
        return i == 0 ? 0 : start;
    }

    /** Columns one cluster takes: 0 (a lone mark or format character), 1 or 2. */
    public static int cellWidth(String cell) {
        if (cell.isEmpty()) {
            return 0;
        }
        int base = cell.codePointAt(0);
        int type = Character.getType(base);
        if (type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK || type == Character.FORMAT) {
            return 0;
        }
        if (isEmojiSequence(cell)) {
            return 2;
        }
        return Math.max(1, Math.min(2, TerminalTextUtils.getColumnWidth(new String(Character.toChars(base)))));
    }

    /**
     * What the terminal is given for a cluster: the cluster itself, or for an emoji sequence its first emoji (with
     * U+FE0F when it has one), which every terminal draws in the two columns counted for it.
     */
    public static String glyph(String cell) {
        if (!isEmojiSequence(cell)) {
            return cell;
        }
        int base = cell.codePointAt(0);
        int next = cell.offsetByCodePoints(0, 1);
        boolean presentation = next < cell.length() && cell.codePointAt(next) == VS16;
        return new String(Character.toChars(base)) + (presentation ? "\uFE0F" : "");
    }

    /** Several code points joined into one emoji: ZWJ, emoji presentation, skin tone, flag pair, keycap. */
    private static boolean isEmojiSequence(String cell) {
        if (cell.codePointCount(0, cell.length()) < 2) {
            return false;
        }
        return cell.codePoints().anyMatch(cp -> cp == ZWJ || cp == VS16 || cp == 0x20E3
                || (cp >= 0x1F3FB && cp <= 0x1F3FF) || (cp >= 0x1F1E6 && cp <= 0x1F1FF));
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
        for (String cell : clusters(s)) {
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
