package dev.ticket.tui;

import java.util.ArrayList;
import java.util.List;

/** The new-ticket form: title, type, first message (R1), and the Done ticket it follows up (R4). */
final class NewTicketDialog {
    static final int MESSAGE_LINES = 5;

    private NewTicketDialog() {
    }

    static void draw(Frame f, Overlay.NewTicketForm form) {
        int inner = Math.min(f.cols() - 6, 70);
        List<String> lines = new ArrayList<>();
        lines.add("Title:");
        lines.add("Type:    " + Dialogs.typeChoice(form.type()) + "   ← →");
        lines.add(form.ref() == null ? "" : "Refers to #" + form.ref() + " (closed)");
        lines.add(Text.fit("Message: what happened, which AI employee or function, what you did,", inner));
        lines.add(Text.fit("what went wrong, how to reproduce; a dialog link helps.", inner));
        for (int i = 0; i < MESSAGE_LINES; i++) {
            lines.add("");
        }
        lines.add(form.error() == null ? "" : form.error());
        lines.add(Text.fit("Tab: next field · Enter: open it · Alt+Enter: new line · Esc: cancel",
                inner));
        while (lines.get(0).length() < inner) {
            lines.set(0, lines.get(0) + " ");
        }
        Dialogs.Box b = Dialogs.box(f, "New ticket", lines, Style.PLAIN);
        int left = b.x() + 2;
        int right = b.x() + b.width() - 2;
        Dialogs.field(f, left + 9, b.y() + 1, right - left - 9, form.title(), form.field() == 0);
        if (form.field() == 1) {
            f.restyle(left, b.y() + 2, 8, Style.fg(Tone.CYAN).bolded());
        }
        drawMessage(f, form, left, b.y() + 6, right - left);
        if (form.error() != null) {
            f.put(left, b.y() + 6 + MESSAGE_LINES, Text.fit(form.error(), right - left), Style.fg(Tone.RED).bolded(), right);
        }
    }

    private static void drawMessage(Frame f, Overlay.NewTicketForm form, int x, int y, int width) {
        boolean focused = form.field() == 2;
        Style look = focused ? new Style(Tone.WHITE, Tone.BLUE, false, false) : Style.PLAIN.on(Tone.GRAY);
        f.fill(x, y, width, MESSAGE_LINES, look);
        List<String> lines = Text.hardWrap(Text.clean(form.body().text()), width - 1);
        List<String> before = Text.hardWrap(Text.clean(form.body().text().substring(0, form.body().cursor())), width - 1);
        int cursorLine = before.size() - 1;
        int first = Math.max(0, cursorLine - MESSAGE_LINES + 1);
        for (int i = 0; i < MESSAGE_LINES && first + i < lines.size(); i++) {
            f.put(x, y + i, lines.get(first + i), look, x + width);
        }
        if (focused) {
            f.cursor(x + Text.width(before.get(cursorLine)), y + cursorLine - first);
        }
    }
}
