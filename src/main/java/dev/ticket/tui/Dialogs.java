package dev.ticket.tui;

import dev.ticket.model.TicketType;
import java.util.ArrayList;
import java.util.List;

/** The dialogs drawn over the panes: help, close confirmation, new ticket, attach a file. */
final class Dialogs {
    static final List<String> HELP = List.of(
            "↑ ↓ PgUp PgDn   move in the list, scroll the chat",
            "Enter           open the ticket; in the input box: send",
            "Alt+Enter       new line in a message (or Ctrl+N)",
            "Tab, Shift+Tab  move focus: list → chat → input box",
            "Esc             back: leave the input, close a dialog",
            "/               search titles          f  filter",
            "n               new ticket             r  refresh",
            "a               attach a file to the open ticket",
            "d               download the selected attachment",
            "                (↑ ↓ in the chat select one)",
            "c               close the ticket (asks first)",
            "?               this help      q, Ctrl+C  quit",
            "",
            "Letters are commands in the list and the chat;",
            "in the input box they are text.");

    private Dialogs() {
    }

    static void draw(Frame f, TuiModel m) {
        Overlay o = m.dialog();
        if (o instanceof Overlay.Help) {
            List<String> lines = new ArrayList<>(HELP);
            lines.add("");
            lines.add("Press any key to close this help.");
            box(f, "Keys", lines, Style.PLAIN);
        } else if (o instanceof Overlay.ConfirmQuit) {
            box(f, "Quit", List.of(
                    "You have a message that is not sent yet.",
                    "Quitting now loses it.",
                    "",
                    "y or Ctrl+C  quit      any other key  keep it"), Style.PLAIN);
        } else if (o instanceof Overlay.ConfirmClose c) {
            box(f, "Close ticket", List.of(
                    Text.fit("Close #" + c.ticketId() + " " + Text.clean(c.title()) + "?", 52),
                    "Done is final: it cannot be reopened or replied to.",
                    "",
                    "y  close it      n or Esc  keep it open"), Style.PLAIN);
        } else if (o instanceof Overlay.NewTicketForm form) {
            NewTicketDialog.draw(f, form);
        } else if (o instanceof Overlay.AttachPrompt a) {
            drawAttach(f, m, a);
        }
    }

    private static void drawAttach(Frame f, TuiModel m, Overlay.AttachPrompt a) {
        int inner = Math.min(f.cols() - 6, 64);
        List<String> lines = new ArrayList<>();
        lines.add("File: ");
        for (int i = 0; i < a.candidates().size() && i < 6; i++) {
            lines.add("  " + Text.fit(a.candidates().get(i), inner - 2));
        }
        if (a.candidates().size() > 6) {
            lines.add("  … and " + (a.candidates().size() - 6) + " more");
        }
        lines.add(a.error() == null ? "" : a.error());
        lines.add(m.input().isBlank() ? "Sent as a message of its own."
                : "Sent with the text in the input box.");
        lines.add("Tab complete · Enter attach · Esc cancel");
        Box b = box(f, "Attach a file to #" + a.ticketId(), lines, Style.PLAIN);
        int fieldX = b.x() + 2 + 6;
        int fieldWidth = b.x() + b.width() - 2 - fieldX;
        field(f, fieldX, b.y() + 1, fieldWidth, a.path(), true);
        if (a.error() != null) {
            int errorRow = b.y() + 1 + lines.size() - 3;
            f.put(b.x() + 2, errorRow, Text.fit(a.error(), inner), Style.fg(Tone.RED).bolded(), b.x() + b.width() - 2);
        }
    }

    /** A box's place on screen: the border's top-left corner and outer size. */
    record Box(int x, int y, int width, int height) {
    }

    /** A bordered box centred on screen holding {@code lines}; returns where it went. */
    static Box box(Frame f, String title, List<String> lines, Style style) {
        int inner = Text.width(title) + 4;
        for (String l : lines) {
            inner = Math.max(inner, Text.width(l));
        }
        inner = Math.min(inner, f.cols() - 6);
        int width = inner + 4;
        int height = Math.min(lines.size() + 2, f.rows() - 2);
        int x = (f.cols() - width) / 2;
        int y = Math.max(1, (f.rows() - height) / 2);
        f.fill(x, y, width, height, style);
        f.put(x, y, "┌" + "─".repeat(width - 2) + "┐", Style.fg(Tone.CYAN), x + width);
        f.put(x + 2, y, " " + title + " ", Style.BOLD, x + width - 2);
        for (int i = 1; i < height - 1; i++) {
            f.put(x, y + i, "│", Style.fg(Tone.CYAN), x + width);
            f.put(x + 2, y + i, Text.fit(lines.get(i - 1), inner), style, x + width - 2);
            f.put(x + width - 1, y + i, "│", Style.fg(Tone.CYAN), x + width);
        }
        f.put(x, y + height - 1, "└" + "─".repeat(width - 2) + "┘", Style.fg(Tone.CYAN), x + width);
        return new Box(x, y, width, height);
    }

    /** A one-line text field: underlined area, the end of the text if it is too long, the cursor. */
    static void field(Frame f, int x, int y, int width, EditBuffer text, boolean focused) {
        Style look = focused ? new Style(Tone.WHITE, Tone.BLUE, false, false) : Style.PLAIN.on(Tone.GRAY);
        f.fill(x, y, width, 1, look);
        String clean = Text.clean(text.text()).replace('\n', ' ');
        String before = Text.clean(text.text().substring(0, text.cursor())).replace('\n', ' ');
        int shift = Math.max(0, Text.width(before) - (width - 1));
        String shown = dropColumns(clean, shift);
        f.put(x, y, shown, look, x + width);
        if (focused) {
            f.cursor(x + Text.width(before) - shift, y);
        }
    }

    static String dropColumns(String s, int columns) {
        String head = Text.take(s, columns);
        return s.substring(head.length());
    }

    static String typeChoice(TicketType current) {
        StringBuilder out = new StringBuilder();
        for (TicketType t : TicketType.values()) {
            out.append(t == current ? "[" + t.wire() + "]" : " " + t.wire() + " ").append(' ');
        }
        return out.toString().stripTrailing();
    }
}
