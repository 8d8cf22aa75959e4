package dev.ticket.tui;

import dev.ticket.model.Status;
import dev.ticket.model.Ticket;
import java.util.List;

/** The left pane: filter, search, and the tickets, two rows each, the selected one highlighted. */
final class ListPane {
    private ListPane() {
    }

    static void draw(Frame f, TuiModel m, Layout lay) {
        int w = lay.listWidth();
        TicketList list = m.list();
        drawFilter(f, list.filter(), lay.bodyTop(), w);
        drawSearch(f, m, lay.bodyTop() + 1, w);
        f.put(0, lay.bodyTop() + 2, "─".repeat(w), Style.DIM, w);
        List<Ticket> rows = list.rows(m.team());
        if (!list.loaded()) {
            if (list.problem() == null) {
                f.put(2, lay.listTop(), "Loading…", Style.DIM, w);
            } else {
                int y = lay.listTop();
                for (String line : Text.wrap("Could not load the tickets: " + list.problem() + " Press r to retry.",
                        w - 3)) {
                    f.put(2, y++, line, Style.fg(Tone.RED), w);
                }
            }
            return;
        }
        if (rows.isEmpty()) {
            boolean narrowed = list.filter() != StatusFilter.ALL || !list.search().isBlank();
            f.put(2, lay.listTop(), narrowed ? "No tickets match." : "No tickets yet.", Style.DIM, w);
            f.put(2, lay.listTop() + 1, "Press n to open one.", Style.DIM, w);
            return;
        }
        int selected = list.selectedIndex(m.team());
        int visible = lay.visibleTickets();
        int top = selected < visible ? 0 : selected - visible + 1;
        for (int i = top; i < rows.size() && i < top + visible; i++) {
            int y = lay.listTop() + (i - top) * 2;
            drawTicket(f, m, rows.get(i), i == selected, y, w);
        }
    }

    private static void drawFilter(Frame f, StatusFilter current, int y, int w) {
        int x = 1;
        for (StatusFilter filter : StatusFilter.values()) {
            boolean on = filter == current;
            String label = on ? "[" + filter.label() + "]" : " " + filter.label() + " ";
            x = f.put(x, y, label, on ? Style.BOLD : Style.DIM, w);
        }
    }

    private static void drawSearch(Frame f, TuiModel m, int y, int w) {
        TicketList list = m.list();
        if (list.search().text().isEmpty() && !list.searching()) {
            f.put(1, y, "/ search titles", Style.DIM, w);
            return;
        }
        String text = Text.clean(list.search().text());
        int room = w - 4;
        String shown = Text.width(text) > room ? "…" + tail(text, room - 1) : text;
        f.put(1, y, "/ ", Style.fg(Tone.YELLOW), w);
        int end = f.put(3, y, shown, Style.BOLD, w);
        if (list.searching() && m.dialog() instanceof Overlay.None) {
            String before = Text.clean(list.search().text().substring(0, list.search().cursor()));
            int cursor = Text.width(shown) - Text.width(text) + Text.width(before);
            f.cursor(Math.min(end, 3 + Math.max(0, cursor)), y);
        }
    }

    private static String tail(String s, int columns) {
        List<String> cells = Text.cells(s);
        StringBuilder out = new StringBuilder();
        int width = 0;
        for (int i = cells.size() - 1; i >= 0; i--) {
            int cw = Text.cellWidth(cells.get(i));
            if (width + cw > columns) {
                break;
            }
            out.insert(0, cells.get(i));
            width += cw;
        }
        return out.toString();
    }

    private static void drawTicket(Frame f, TuiModel m, Ticket t, boolean selected, int y, int w) {
        Tone bg = !selected ? Tone.DEFAULT : m.focus() == Focus.LIST ? Tone.BLUE : Tone.GRAY;
        Style base = Style.PLAIN.on(bg);
        f.fill(0, y, w, 2, base);
        if (selected) {
            f.put(0, y, "›", base.bolded(), w);
        }
        if (m.team() && TicketList.awaitsTeam(t)) {
            f.put(1, y, "●", Style.fg(Tone.YELLOW).on(bg), w);
        }
        int unread = shownUnread(m, t);
        String counter = unread > 0 ? " " + unread + " " : "";
        int counterX = w - Text.width(counter);
        String title = "#" + t.id() + " " + Text.clean(t.title());
        int titleEnd = unread > 0 ? counterX - 1 : w;
        f.put(2, y, Text.fit(title, titleEnd - 2), unread > 0 ? base.bolded() : base, titleEnd);
        if (unread > 0) {
            f.put(counterX, y, counter, new Style(Tone.WHITE, Tone.RED, true, false), w);
        }
        String when = Formats.shortTime(t.updatedAt(), m.now(), m.zone());
        int whenX = w - Text.width(when);
        Style statusStyle = Style.fg(t.status() == Status.DONE ? Tone.GRAY : Tone.GREEN).on(bg);
        int x = f.put(2, y + 1, Status.label(t.status()), statusStyle, whenX - 1);
        if (m.team() && t.account() != null) {
            x = f.put(x, y + 1, Text.fit(" · " + Text.clean(t.account()), Math.max(0, whenX - 1 - x)),
                    Style.fg(Tone.MAGENTA).on(bg), whenX - 1);
        }
        if (t.assignee() != null) {
            f.put(x, y + 1, Text.fit(" → " + Text.clean(t.assignee().name()), Math.max(0, whenX - 1 - x)),
                    Style.fg(Tone.CYAN).on(bg), whenX - 1);
        }
        f.put(whenX, y + 1, when, Style.DIM.on(bg), w);
    }

    /** The open ticket counts as read: the viewer is looking at it (R7). */
    static int shownUnread(TuiModel m, Ticket t) {
        boolean open = m.chat().isOpen() && m.chat().ticket().id() == t.id();
        return open ? 0 : t.unread();
    }
}
