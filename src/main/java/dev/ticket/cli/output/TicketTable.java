package dev.ticket.cli.output;

import dev.ticket.model.Ticket;
import java.util.List;

/** The human table of {@code ticket list}; agents get an account column. */
public final class TicketTable {
    private final Output out;
    private final boolean showAccount;
    private final int maxWidth;

    public TicketTable(Output out, boolean showAccount, int maxWidth) {
        this.out = out;
        this.showAccount = showAccount;
        this.maxWidth = maxWidth;
    }

    public void print(List<Ticket> raw) {
        List<Ticket> tickets = Shown.inert(raw);
        Formats formats = out.formats();
        Table table = showAccount
                ? new Table("ID", "STATUS", "UNREAD", "TYPE", "ACCOUNT", "TITLE", "LAST ACTIVITY").flexible(5)
                : new Table("ID", "STATUS", "UNREAD", "TYPE", "TITLE", "LAST ACTIVITY").flexible(4);
        table.alignRight(0).alignRight(2);
        for (Ticket t : tickets) {
            String type = t.type() == null ? "" : t.type().wire();
            String when = formats.ago(t.updatedAt());
            if (showAccount) {
                table.row("#" + t.id(), Formats.status(t.status()), Integer.toString(t.unread()), type,
                        t.account() == null ? "" : t.account(), t.title(), when);
            } else {
                table.row("#" + t.id(), Formats.status(t.status()), Integer.toString(t.unread()), type, t.title(), when);
            }
        }
        Style style = out.style();
        table.print(out.out(), style, maxWidth, (column, text) -> colour(style, column, text));
    }

    private static String colour(Style style, int column, String text) {
        switch (column) {
            case 1: return "Done".equals(text) ? style.green(text) : style.yellow(text);
            case 2: return "0".equals(text) ? style.dim(text) : style.red(style.bold(text));
            case 3: return "critical".equals(text) ? style.red(text) : text;
            default: return text;
        }
    }
}
