package dev.ticket.cli.output;

import dev.ticket.model.Status;
import dev.ticket.model.Ticket;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The human table of {@code ticket list}: agents get account and assignee columns; a DUE column says how long
 * until each ticket awaiting the team is due ({@link Due}), when any listed ticket awaits it.
 */
public final class TicketTable {
    private final Output out;
    private final boolean team;
    private final int maxWidth;

    public TicketTable(Output out, boolean team, int maxWidth) {
        this.out = out;
        this.team = team;
        this.maxWidth = maxWidth;
    }

    /**
     * Prints the table; {@code due} (null when no ticket awaits the team) counts the time left at {@code now}.
     * On a terminal too narrow for the DUE column beside a readable title, the column is left out. The text from
     * the service is made inert cell by cell ({@link Table#row}): no copy of the tickets is walked first.
     */
    public void print(List<Ticket> tickets, Due due, Instant now) {
        List<String> left = tickets.stream().map(t -> due == null ? null : due.words(t, now)).toList();
        boolean dueColumn = left.stream().anyMatch(text -> text != null);
        Table table = table(tickets, dueColumn ? left : null);
        if (dueColumn && maxWidth > 0 && table.narrowest() > maxWidth) {
            dueColumn = false;
            table = table(tickets, null);
        }
        Style style = out.style();
        int dueAt = dueColumn ? (team ? 7 : 5) : -1;
        table.print(out.out(), style, maxWidth, (column, text) -> colour(style, column, dueAt, text));
    }

    private Table table(List<Ticket> tickets, List<String> due) {
        Formats formats = out.formats();
        List<String> headers = new ArrayList<>(List.of("ID", "STATUS", "UNREAD", "TYPE"));
        if (team) {
            headers.addAll(List.of("ACCOUNT", "ASSIGNEE"));
        }
        int title = headers.size();
        headers.add("TITLE");
        if (due != null) {
            headers.add("DUE");
        }
        headers.add("LAST ACTIVITY");
        Table table = new Table(headers.toArray(String[]::new)).flexible(title);
        table.alignRight(0).alignRight(2);
        for (int i = 0; i < tickets.size(); i++) {
            Ticket t = tickets.get(i);
            List<String> row = new ArrayList<>(List.of("#" + t.id(), Status.label(t.status()),
                    Integer.toString(t.unread()), t.type() == null ? "" : t.type().wire()));
            if (team) {
                row.add(t.account() == null ? "" : t.account());
                row.add(t.assignee() == null ? "-" : t.assignee().name());
            }
            row.add(t.title());
            if (due != null) {
                row.add(due.get(i) == null ? "" : due.get(i));
            }
            row.add(formats.ago(t.updatedAt()));
            table.row(row.toArray(String[]::new));
        }
        return table;
    }

    private static String colour(Style style, int column, int due, String text) {
        if (column == due) {
            return text.startsWith("overdue") ? style.red(text) : text;
        }
        switch (column) {
            case 1: return Status.label(Status.DONE).equals(text) ? style.green(text) : style.yellow(text);
            case 2: return "0".equals(text) ? style.dim(text) : style.red(style.bold(text));
            case 3: return "critical".equals(text) ? style.red(text) : text;
            default: return text;
        }
    }
}
