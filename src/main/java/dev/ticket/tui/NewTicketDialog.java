package dev.ticket.tui;

import static dev.ticket.tui.Overlay.NewTicketForm.ABOUT;
import static dev.ticket.tui.Overlay.NewTicketForm.DIALOG;
import static dev.ticket.tui.Overlay.NewTicketForm.MESSAGE;
import static dev.ticket.tui.Overlay.NewTicketForm.TITLE;
import static dev.ticket.tui.Overlay.NewTicketForm.TYPE;

import java.util.ArrayList;
import java.util.List;

/**
 * The new-ticket form: title, type, first message (R1), the optional about (a topic) and dialog link, and the
 * Done ticket it follows up (R4).
 */
final class NewTicketDialog {
    static final int MESSAGE_LINES = 5;
    private static final int LABEL = 9;

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
        lines.add("About:");
        lines.add("Dialog:");
        lines.add(form.error() == null ? Text.fit(topicsHint(form), inner) : form.error());
        lines.add(Text.fit("Tab: next field · Enter: open it · Alt+Enter: new line · Esc: cancel",
                inner));
        while (lines.get(0).length() < inner) {
            lines.set(0, lines.get(0) + " ");
        }
        Dialogs.Box b = Dialogs.box(f, "New ticket", lines, Style.PLAIN);
        int left = b.x() + 2;
        int right = b.x() + b.width() - 2;
        int top = b.y() + 1;
        Dialogs.field(f, left + LABEL, top, right - left - LABEL, form.title(), form.field() == TITLE);
        if (form.field() == TYPE) {
            f.restyle(left, top + 1, 8, Style.fg(Tone.CYAN).bolded());
        }
        drawMessage(f, form, left, top + 5, right - left);
        int aboutRow = top + 5 + MESSAGE_LINES;
        Dialogs.field(f, left + LABEL, aboutRow, right - left - LABEL, form.about(), form.field() == ABOUT);
        Dialogs.field(f, left + LABEL, aboutRow + 1, right - left - LABEL, form.dialogUrl(), form.field() == DIALOG);
        if (form.error() != null) {
            f.put(left, aboutRow + 2, Text.fit(form.error(), right - left), Style.fg(Tone.RED).bolded(), right);
        }
    }

    /** Under the about and dialog fields: the topics to choose from while the about field has the focus. */
    private static String topicsHint(Overlay.NewTicketForm form) {
        if (form.field() == DIALOG) {
            return "Optional: the link to the dialog (http:// or https://).";
        }
        if (form.field() != ABOUT) {
            return "";
        }
        List<String> topics = form.topics() == null ? List.of() : form.topics().stream().map(Text::clean).toList();
        return topics.isEmpty() ? "Optional: the AI employee or function concerned."
                : "Topics (Tab completes): " + String.join(", ", topics);
    }

    private static void drawMessage(Frame f, Overlay.NewTicketForm form, int x, int y, int width) {
        boolean focused = form.field() == MESSAGE;
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
