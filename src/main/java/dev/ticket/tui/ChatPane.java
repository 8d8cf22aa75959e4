package dev.ticket.tui;

import dev.ticket.model.Ticket;
import dev.ticket.model.Status;
import java.util.ArrayList;
import java.util.List;

/** The right pane above the input box: the open ticket's title and facts, then its chat. */
final class ChatPane {
    private ChatPane() {
    }

    static void draw(Frame f, TuiModel m, Layout lay) {
        int x0 = lay.chatX();
        int right = lay.cols();
        Chat chat = m.chat();
        f.put(x0, lay.bodyTop() + 2, "─".repeat(lay.chatWidth()), Style.DIM, right);
        if (!chat.isOpen()) {
            String hint = chat.loading() ? "Loading…" : m.list().selected() != null
                    ? "Could not load #" + m.list().selected() + "; press r to retry."
                    : m.list().loaded() && m.list().tickets().isEmpty()
                    ? "Press n to open your first ticket." : "Select a ticket on the left.";
            f.put(x0 + 1, lay.bodyTop(), hint, Style.DIM, right);
            return;
        }
        Ticket t = chat.ticket();
        f.put(x0 + 1, lay.bodyTop(), Text.fit("#" + t.id() + " " + Text.clean(t.title()), lay.chatWidth() - 2),
                Style.BOLD, right);
        f.put(x0 + 1, lay.bodyTop() + 1, Text.fit(facts(m, t), lay.chatWidth() - 2),
                Style.fg(t.isDone() ? Tone.GRAY : Tone.GREEN), right);
        drawMessages(f, m, lay);
    }

    /** "On Customer · question · due May 03 18:00 · acme · assigned to Bob · refers to #3". */
    static String facts(TuiModel m, Ticket t) {
        List<String> parts = new ArrayList<>();
        parts.add(Status.label(t.status()));
        if (t.type() != null) {
            parts.add(t.type().wire());
        }
        if (t.isDone() && t.closedAt() != null) {
            parts.add("closed " + Formats.time(t.closedAt(), m.now(), m.zone()));
        } else if (t.dueAt() != null) {
            parts.add("due " + Formats.time(t.dueAt(), m.now(), m.zone()));
        }
        if (m.team() && t.account() != null) {
            parts.add(Text.clean(t.account()));
        }
        if (t.assignee() != null) {
            parts.add("assigned to " + Text.clean(t.assignee().name()));
        } else if (m.team() && !t.isDone()) {
            parts.add("unassigned");
        }
        if (t.about() != null && !t.about().isBlank()) {
            parts.add("about " + Text.clean(t.about()));
        }
        if (!t.refs().isEmpty()) {
            parts.add("refers to " + String.join(", ", t.refs().stream().map(r -> "#" + r).toList()));
        }
        return String.join(" · ", parts);
    }

    private static void drawMessages(Frame f, TuiModel m, Layout lay) {
        List<ChatLayout.Line> lines = ChatLayout.lines(m.chat(), lay.chatWidth(), m.now(), m.zone());
        int height = lay.messagesHeight();
        if (lines.isEmpty()) {
            f.put(lay.chatX() + 1, lay.messagesTop(), "No messages yet.", Style.DIM, lay.cols());
            return;
        }
        int first = firstVisible(lines.size(), height, m.chat().scroll());
        for (int i = 0; i < height && first + i < lines.size(); i++) {
            ChatLayout.Line line = lines.get(first + i);
            int x = lay.chatX() + line.x();
            for (ChatLayout.Span span : line.spans()) {
                x = f.put(x, lay.messagesTop() + i, span.text(), span.style(), lay.cols() - 1);
            }
        }
        if (first > 0) {
            f.put(lay.cols() - 1, lay.messagesTop(), "↑", Style.fg(Tone.YELLOW), lay.cols());
        }
        if (first + height < lines.size()) {
            f.put(lay.cols() - 1, lay.messagesTop() + height - 1, "↓", Style.fg(Tone.YELLOW), lay.cols());
        }
    }

    /** The first line shown: the newest lines at the bottom, {@code scroll} lines up from there. */
    static int firstVisible(int total, int height, int scroll) {
        int maxScroll = Math.max(0, total - height);
        return Math.max(0, total - height - Math.min(scroll, maxScroll));
    }
}
