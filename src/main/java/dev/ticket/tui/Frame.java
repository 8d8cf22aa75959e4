package dev.ticket.tui;

import java.util.List;

/**
 * One screen as the view drew it: a grid of cells (text and style) and where the cursor is.
 * A wide character (CJK, emoji) fills its cell and leaves the next one empty ({@code ""}), as a
 * terminal does, so every row is exactly {@code cols} columns wide.
 */
public final class Frame {
    /** One cell: a character ("" for the right half of a wide one) and its style. */
    public record Cell(String text, Style style) {
        boolean isTail() {
            return text.isEmpty();
        }
    }

    private static final Cell BLANK = new Cell(" ", Style.PLAIN);

    private final int cols;
    private final int rows;
    private final Cell[][] cells;
    private int cursorX = -1;
    private int cursorY = -1;

    public Frame(int cols, int rows) {
        this.cols = cols;
        this.rows = rows;
        this.cells = new Cell[rows][cols];
        for (Cell[] row : cells) {
            java.util.Arrays.fill(row, BLANK);
        }
    }

    public int cols() {
        return cols;
    }

    public int rows() {
        return rows;
    }

    public Cell cell(int x, int y) {
        return cells[y][x];
    }

    /** Writes {@code s} from column {@code x}, never past column {@code limit} (exclusive); returns the next column. */
    public int put(int x, int y, String s, Style style, int limit) {
        if (y < 0 || y >= rows) {
            return x;
        }
        int end = Math.min(limit, cols);
        for (String cell : Text.cells(Text.clean(s).replace('\n', ' '))) {
            int w = Text.cellWidth(cell);
            if (x < 0) {
                x += w;
                continue;
            }
            if (x + w > end) {
                if (x < end) {
                    set(x, y, " ", style, 1);
                    x++;
                }
                break;
            }
            set(x, y, Text.glyph(cell), style, w);
            x += w;
        }
        return x;
    }

    /** Writes to the right edge of the screen. */
    public int put(int x, int y, String s, Style style) {
        return put(x, y, s, style, cols);
    }

    /** Paints a rectangle with spaces in a style. */
    public void fill(int x, int y, int width, int height, Style style) {
        for (int row = Math.max(0, y); row < Math.min(rows, y + height); row++) {
            for (int col = Math.max(0, x); col < Math.min(cols, x + width); col++) {
                set(col, row, " ", style, 1);
            }
        }
    }

    /** Restyles the cells of a range, keeping their text (a highlighted row). */
    public void restyle(int x, int y, int width, Style style) {
        if (y < 0 || y >= rows) {
            return;
        }
        for (int col = Math.max(0, x); col < Math.min(cols, x + width); col++) {
            cells[y][col] = new Cell(cells[y][col].text(), style);
        }
    }

    private void set(int x, int y, String text, Style style, int width) {
        Cell[] row = cells[y];
        if (row[x].isTail() && x > 0) {
            row[x - 1] = new Cell(" ", row[x - 1].style());
        }
        int last = x + width - 1;
        if (last + 1 < cols && row[last + 1].isTail()) {
            row[last + 1] = new Cell(" ", row[last + 1].style());
        }
        row[x] = new Cell(text, style);
        if (width == 2) {
            row[x + 1] = new Cell("", style);
        }
    }

    public void cursor(int x, int y) {
        cursorX = x;
        cursorY = y;
    }

    /** Whether the cursor is shown; when false, {@link #cursorX} and {@link #cursorY} mean nothing. */
    public boolean hasCursor() {
        return cursorX >= 0 && cursorY >= 0 && cursorX < cols && cursorY < rows;
    }

    public int cursorX() {
        return cursorX;
    }

    public int cursorY() {
        return cursorY;
    }

    /** Row {@code y} as text, trailing spaces removed. */
    public String line(int y) {
        StringBuilder out = new StringBuilder();
        for (Cell cell : cells[y]) {
            out.append(cell.text());
        }
        return out.toString().stripTrailing();
    }

    /** The whole screen as plain text, one line per row: what golden files hold. */
    public String toText() {
        StringBuilder out = new StringBuilder();
        for (int y = 0; y < rows; y++) {
            out.append(line(y)).append('\n');
        }
        return out.toString();
    }

    /** Rows as lines, for assertions. */
    public List<String> lines() {
        return toText().lines().toList();
    }
}
