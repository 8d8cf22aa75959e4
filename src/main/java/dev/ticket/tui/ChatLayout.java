package dev.ticket.tui;

import dev.ticket.model.Attachment;
import dev.ticket.model.ByteSizes;
import dev.ticket.model.Message;
import dev.ticket.model.Role;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * The chat as lines at a width (R2): the team's messages on the left, the customer's pushed to
 * the right, each with a header (author, time), its text wrapped, and its attachments.
 */
final class ChatLayout {
    /** A piece of a line in one style. */
    record Span(String text, Style style) {
    }

    /** One line of the chat: spans starting at column {@code x}; {@code attachment} is its index or -1. */
    record Line(int x, List<Span> spans, int attachment) {
        static Line blank() {
            return new Line(0, List.of(), -1);
        }
    }

    private ChatLayout() {
    }

    static List<Line> lines(Chat chat, int width, Instant now, ZoneId zone) {
        List<Line> lines = new ArrayList<>();
        int attachmentIndex = 0;
        for (Message m : chat.messages()) {
            if (!lines.isEmpty()) {
                lines.add(Line.blank());
            }
            attachmentIndex = message(m, chat.attachment(), attachmentIndex, width, now, zone, lines);
        }
        return lines;
    }

    private static int message(Message m, int selected, int index, int width, Instant now, ZoneId zone,
                               List<Line> out) {
        boolean customer = m.author() != null && m.author().role() == Role.CUSTOMER;
        int inner = Math.max(10, width * 3 / 4 - 2);
        List<Line> body = new ArrayList<>();
        Style bar = Style.fg(customer ? Tone.GREEN : Tone.CYAN);
        for (String text : m.body() == null || m.body().isBlank() ? List.<String>of() : Text.wrap(m.body(), inner)) {
            body.add(new Line(0, List.of(new Span("│ ", bar), new Span(text, Style.PLAIN)), -1));
        }
        for (Attachment a : m.attachments()) {
            boolean chosen = index == selected;
            String label = Text.fit((chosen ? "» " : "• ") + Text.clean(a.filename()) + " (" + ByteSizes.human(a.size()) + ")",
                    inner);
            body.add(new Line(0, List.of(new Span("│ ", bar),
                    new Span(label, chosen ? Style.REVERSE : Style.fg(Tone.YELLOW))), index));
            index++;
        }
        int blockWidth = 0;
        for (Line l : body) {
            blockWidth = Math.max(blockWidth, width(l));
        }
        String name = m.author() == null ? "?" : Text.clean(m.author().name());
        String when = Formats.time(m.createdAt(), now, zone);
        int headerWidth = Text.width(name) + 2 + Text.width(when);
        List<Span> header = List.of(new Span(name, bar.bolded()), new Span("  " + when, Style.DIM));
        int x = customer ? Math.max(1, width - 1 - blockWidth) : 1;
        int headerX = customer ? Math.max(1, width - 1 - headerWidth) : 1;
        out.add(new Line(headerX, header, -1));
        for (Line l : body) {
            out.add(new Line(x, l.spans(), l.attachment()));
        }
        return index;
    }

    static int width(Line line) {
        int w = 0;
        for (Span s : line.spans()) {
            w += Text.width(s.text());
        }
        return w;
    }

    /** The line number where attachment {@code index} is shown, or -1. */
    static int lineOf(List<Line> lines, int index) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).attachment() == index) {
                return i;
            }
        }
        return -1;
    }
}
