package dev.ticket.tui;

import static dev.ticket.tui.Overlay.NewTicketForm.ABOUT;
import static dev.ticket.tui.Overlay.NewTicketForm.DIALOG;
import static dev.ticket.tui.Overlay.NewTicketForm.MESSAGE;
import static dev.ticket.tui.Overlay.NewTicketForm.TITLE;
import static dev.ticket.tui.Overlay.NewTicketForm.TYPE;

import dev.ticket.model.NewTicket;
import dev.ticket.model.TicketType;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Keys in the new-ticket form. Tab walks title, type, message, about, dialog URL; Enter in the message, about
 * or dialog URL opens the ticket (Alt+Enter: a new line in the message); Tab in the about field first completes
 * one of the service's topics.
 */
final class NewTicketKeys {
    private NewTicketKeys() {
    }

    static Step key(TuiModel m, Overlay.NewTicketForm f, Key k) {
        if (k.is(Key.Kind.ESCAPE)) {
            return Step.of(m.withDialog(Overlay.NONE).withNotice(Notice.info("No ticket opened.")));
        }
        if (k.is(Key.Kind.TAB) && f.field() == ABOUT) {
            String completed = complete(f.about().text(), f.topics());
            if (completed != null) {
                return Step.of(m.withDialog(f.withText(ABOUT, EditBuffer.of(completed))));
            }
        }
        if (k.is(Key.Kind.TAB) || k.is(Key.Kind.BACK_TAB)) {
            return moveTo(m, f, f.field() + (k.is(Key.Kind.TAB) ? 1 : -1));
        }
        if (f.field() == TYPE) {
            return typeField(m, f, k);
        }
        if (f.field() == TITLE && (k.is(Key.Kind.ENTER) || k.is(Key.Kind.DOWN))) {
            return moveTo(m, f, TYPE);
        }
        if (f.field() != TITLE && k.is(Key.Kind.ENTER) && !k.isNewline()) {
            return submit(m, f);
        }
        if ((f.field() == ABOUT || f.field() == DIALOG) && (k.is(Key.Kind.UP) || k.is(Key.Kind.DOWN))) {
            return moveTo(m, f, f.field() + (k.is(Key.Kind.DOWN) ? 1 : -1));
        }
        Optional<EditBuffer> edited = f.text(f.field()).edit(k, f.field() == MESSAGE);
        return Step.of(edited.map(e -> m.withDialog(f.withText(f.field(), e))).orElse(m));
    }

    /** Focus on another field; the first time the about field is reached, the service's topics are asked for. */
    private static Step moveTo(TuiModel m, Overlay.NewTicketForm f, int field) {
        Overlay.NewTicketForm moved = f.withField(field);
        if (moved.field() == ABOUT && f.topics() == null) {
            return Step.of(m.withDialog(moved.withTopics(List.of())), new Cmd.LoadTopics());
        }
        return Step.of(m.withDialog(moved));
    }

    private static Step typeField(TuiModel m, Overlay.NewTicketForm f, Key k) {
        TicketType[] types = TicketType.values();
        if (k.is(Key.Kind.LEFT) || k.is(Key.Kind.RIGHT)) {
            int step = k.is(Key.Kind.RIGHT) ? 1 : types.length - 1;
            return Step.of(m.withDialog(f.withType(types[(f.type().ordinal() + step) % types.length])));
        }
        for (TicketType t : types) {
            if (k.is(t.wire().charAt(0))) {
                return Step.of(m.withDialog(f.withType(t)));
            }
        }
        if (k.is(Key.Kind.ENTER) || k.is(Key.Kind.DOWN)) {
            return moveTo(m, f, MESSAGE);
        }
        return k.is(Key.Kind.UP) ? moveTo(m, f, TITLE) : Step.of(m);
    }

    /** The one topic {@code typed} starts (ignoring case) and is not yet, or null. */
    static String complete(String typed, List<String> topics) {
        String start = typed.strip().toLowerCase(Locale.ROOT);
        if (start.isEmpty() || topics == null) {
            return null;
        }
        List<String> matches = topics.stream().filter(t -> t.toLowerCase(Locale.ROOT).startsWith(start)).toList();
        return matches.size() == 1 && !matches.get(0).equals(typed) ? matches.get(0) : null;
    }

    private static Step submit(TuiModel m, Overlay.NewTicketForm f) {
        if (f.title().isBlank()) {
            return Step.of(m.withDialog(f.withField(TITLE).withError("A ticket needs a title.")));
        }
        if (f.body().isBlank()) {
            return Step.of(m.withDialog(f.withField(MESSAGE).withError(
                    "Write the first message: what happened and how to reproduce it.")));
        }
        String url = f.dialogUrl().text().strip();
        if (!url.isEmpty() && !url.startsWith("http://") && !url.startsWith("https://")) {
            return Step.of(m.withDialog(f.withField(DIALOG).withError(
                    "The dialog link must start with http:// or https:// (or leave it empty).")));
        }
        String about = f.about().text().strip();
        NewTicket t = new NewTicket(f.title().text().strip(), f.body().text().strip(), f.type(),
                about.isEmpty() ? null : about, url.isEmpty() ? null : url,
                f.ref() == null ? List.of() : List.of(f.ref()), List.of(), null);
        return Step.of(m.withDialog(Overlay.NONE).withNotice(Notice.info("Opening the ticket…")), new Cmd.Create(t));
    }
}
