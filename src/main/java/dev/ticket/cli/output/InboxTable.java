package dev.ticket.cli.output;

import dev.ticket.model.Status;
import dev.ticket.model.Ticket;
import java.time.Instant;
import java.util.List;

/**
 * The human view of {@code ticket inbox}: for the team, each ticket's time left first (what to answer next);
 * for a customer, the columns of {@code ticket list} in its order (a customer reads both as one view). A table for the listing, one line for each arrival of {@code --watch}.
 */
public final class InboxTable {
    private final Output out;
    private final boolean team;
    private final int maxWidth;
    private int[] widths;

    public InboxTable(Output out, boolean team, int maxWidth) {
        this.out = out;
        this.team = team;
        this.maxWidth = maxWidth;
    }

    /** The tickets under a header; {@code due} counts the time left at {@code now} (null: clock time). */
    public void print(List<Ticket> tickets, Due due, Instant now) {
        table(tickets, due, now, true);
    }

    /**
     * One ticket as a line (an arrival while watching) in the columns of the table printed before; under a header
     * of its own when there was none.
     */
    public void line(Ticket ticket, Due due, Instant now) {
        table(List.of(ticket), due, now, widths == null);
    }

    /** The service's text is made inert cell by cell ({@link Table#row}). */
    private void table(List<Ticket> tickets, Due due, Instant now, boolean header) {
        Table table = team ? new Table("ID", "DUE", "TYPE", "ACCOUNT", "ASSIGNEE", "TITLE").flexible(5)
                : new Table("ID", "STATUS", "UNREAD", "TYPE", "TITLE", "LAST ACTIVITY").flexible(4).alignRight(2);
        table.alignRight(0);
        if (widths != null) {
            table.alignedWith(widths);
        }
        for (Ticket t : tickets) {
            if (team) {
                String left = (due == null ? Due.CLOCK_ONLY : due).words(t, now);
                table.row("#" + t.id(), left == null ? "" : left, t.type() == null ? "" : t.type().wire(),
                        t.account() == null ? "" : t.account(), t.assignee() == null ? "-" : t.assignee().name(),
                        t.title());
            } else {
                table.row("#" + t.id(), Status.label(t.status()), Integer.toString(t.unread()),
                        t.type() == null ? "" : t.type().wire(), t.title(), out.formats().ago(t.updatedAt()));
            }
        }
        Style style = out.style();
        java.io.ByteArrayOutputStream buffer = new java.io.ByteArrayOutputStream();
        java.io.PrintStream printed = new java.io.PrintStream(buffer, true, java.nio.charset.StandardCharsets.UTF_8);
        table.print(printed, style, maxWidth, (column, text) -> colour(style, column, text));
        widths = table.printedWidths();
        List<String> lines = buffer.toString(java.nio.charset.StandardCharsets.UTF_8).lines().toList();
        lines.subList(header ? 0 : 1, lines.size()).forEach(out::println);
    }

    private String colour(Style style, int column, String text) {
        if (team && column == 1) {
            return text.startsWith("overdue") ? style.red(text) : text;
        }
        if (team ? column == 2 : column == 3) {
            return "critical".equals(text) ? style.red(text) : text;
        }
        if (!team && column == 1) { // as ticket list colours them
            return Status.label(Status.DONE).equals(text) ? style.green(text) : style.yellow(text);
        }
        if (!team && column == 2) {
            return "0".equals(text) ? style.dim(text) : style.red(style.bold(text));
        }
        return text;
    }
}
