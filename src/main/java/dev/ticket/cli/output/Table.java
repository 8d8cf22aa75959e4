package dev.ticket.cli.output;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import org.jline.utils.WCWidth;

/**
 * An aligned text table. Widths are measured on plain text; colour is applied after padding, so
 * colour never breaks alignment. One column may be marked flexible: it is shortened to fit a width.
 */
public final class Table {
    private final List<String> headers;
    private final List<List<String>> rows = new ArrayList<>();
    private final boolean[] rightAligned;
    private int flexible = -1;
    private int[] alignedWith;
    private int[] printedWidths;

    public Table(String... headers) {
        this.headers = List.of(headers);
        this.rightAligned = new boolean[headers.length];
    }

    public Table alignRight(int column) {
        rightAligned[column] = true;
        return this;
    }

    public Table flexible(int column) {
        flexible = column;
        return this;
    }

    /**
     * Rows printed later under the header of an earlier table ({@link #printedWidths()}): no column narrower than
     * there, the flexible one exactly as wide unless it is the last, so the columns line up with that header.
     */
    public Table alignedWith(int[] widths) {
        alignedWith = widths.clone();
        return this;
    }

    /** The column widths of the last {@link #print}. */
    public int[] printedWidths() {
        return printedWidths.clone();
    }

    /** A row; each cell is shown as one line of inert text ({@link Shown#line}), whatever it holds. */
    public void row(String... cells) {
        List<String> shown = new ArrayList<>(cells.length);
        for (String cell : cells) {
            shown.add(Shown.line(cell));
        }
        rows.add(shown);
    }

    /**
     * Prints header and rows; {@code maxWidth} (0 = unlimited) shortens the flexible column;
     * {@code colour} gets (column, plain cell) and returns it styled.
     */
    public void print(PrintStream out, Style style, int maxWidth, BiFunction<Integer, String, String> colour) {
        int[] widths = widths();
        for (int c = 0; alignedWith != null && c < widths.length; c++) {
            widths[c] = c == flexible && c < widths.length - 1 ? alignedWith[c] : Math.max(widths[c], alignedWith[c]);
        }
        shrinkToFit(widths, maxWidth);
        printedWidths = widths;
        out.println(style.bold(line(headers, widths, (c, text) -> text)).stripTrailing());
        for (List<String> row : rows) {
            out.println(line(row, widths, colour));
        }
    }

    private String line(List<String> cells, int[] widths, BiFunction<Integer, String, String> colour) {
        StringBuilder line = new StringBuilder();
        for (int c = 0; c < cells.size(); c++) {
            String text = fit(cells.get(c), widths[c]);
            String pad = " ".repeat(widths[c] - width(text));
            boolean last = c == cells.size() - 1;
            String styled = colour.apply(c, text);
            line.append(rightAligned[c] ? pad + styled : styled + (last ? "" : pad));
            if (!last) {
                line.append("  ");
            }
        }
        return line.toString();
    }

    private int[] widths() {
        int[] widths = new int[headers.size()];
        for (int c = 0; c < widths.length; c++) {
            widths[c] = width(headers.get(c));
            for (List<String> row : rows) {
                widths[c] = Math.max(widths[c], width(row.get(c)));
            }
        }
        return widths;
    }

    /** The narrowest this table prints: every column whole but the flexible one, cut to its least. */
    int narrowest() {
        int[] widths = widths();
        int total = 2 * (widths.length - 1);
        for (int c = 0; c < widths.length; c++) {
            total += c == flexible ? Math.min(widths[c], Math.max(10, width(headers.get(c)))) : widths[c];
        }
        return total;
    }

    private void shrinkToFit(int[] widths, int maxWidth) {
        if (maxWidth <= 0 || flexible < 0) {
            return;
        }
        int total = 2 * (widths.length - 1);
        for (int w : widths) {
            total += w;
        }
        int excess = total - maxWidth;
        if (excess > 0) {
            widths[flexible] = Math.max(Math.max(10, width(headers.get(flexible))), widths[flexible] - excess);
        }
    }

    /** The text cut to {@code width} columns, ending in an ellipsis when cut. */
    static String fit(String text, int width) {
        if (width(text) <= width) {
            return text;
        }
        return text.substring(0, prefix(text, Math.max(0, width - 1))) + "…";
    }

    /**
     * Display width in terminal columns, as JLine's {@link WCWidth} counts them: CJK and most emoji take two,
     * combining marks none, Latin and Cyrillic one.
     */
    public static int width(String text) {
        int columns = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            columns += columns(cp);
            i += Character.charCount(cp);
        }
        return columns;
    }

    /** The length (in chars) of the longest start of {@code text} that fits in {@code width} columns. */
    static int prefix(String text, int width) {
        int columns = 0;
        int i = 0;
        while (i < text.length()) {
            int cp = text.codePointAt(i);
            int w = columns(cp);
            if (columns + w > width) {
                break;
            }
            columns += w;
            i += Character.charCount(cp);
        }
        return i;
    }

    /** Control characters (-1 from wcwidth) are counted as one column: they are shown as a replacement. */
    private static int columns(int codePoint) {
        int w = WCWidth.wcwidth(codePoint);
        return w < 0 ? 1 : w;
    }
}
