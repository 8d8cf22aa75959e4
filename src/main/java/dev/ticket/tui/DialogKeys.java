package dev.ticket.tui;

import dev.ticket.model.NewTicket;
import dev.ticket.model.TicketType;
import java.util.List;
import java.util.Optional;

/** Keys while a dialog is open: it takes them all (Ctrl+C still quits, asking first when a draft would be lost). */
final class DialogKeys {
    private DialogKeys() {
    }

    static Step key(TuiModel m, Key k) {
        Overlay o = m.overlay();
        if (o instanceof Overlay.ConfirmQuit) {
            return Step.of(k.is('y') || k.is('Y') ? m.quitting()
                    : m.withOverlay(Overlay.NONE).withNotice(Notice.info("Your draft is kept.")));
        }
        if (o instanceof Overlay.ConfirmClose c) {
            if (k.is('y') || k.is('Y')) {
                return Step.of(m.withOverlay(Overlay.NONE).withNotice(Notice.info("Closing #" + c.ticketId() + "…")),
                        new Cmd.Close(c.ticketId()));
            }
            return Step.of(m.withOverlay(Overlay.NONE).withNotice(Notice.info("#" + c.ticketId() + " stays open.")));
        }
        if (o instanceof Overlay.NewTicketForm f) {
            return form(m, f, k);
        }
        if (o instanceof Overlay.AttachPrompt a) {
            return attach(m, a, k);
        }
        return Step.of(m.withOverlay(Overlay.NONE));
    }

    private static Step form(TuiModel m, Overlay.NewTicketForm f, Key k) {
        if (k.is(Key.Kind.ESCAPE)) {
            return Step.of(m.withOverlay(Overlay.NONE).withNotice(Notice.info("No ticket opened.")));
        }
        if (k.is(Key.Kind.TAB) || k.is(Key.Kind.BACK_TAB)) {
            return Step.of(m.withOverlay(f.withField(f.field() + (k.is(Key.Kind.TAB) ? 1 : -1))));
        }
        if (f.field() == 1) {
            return Step.of(m.withOverlay(typeField(f, k)));
        }
        if (f.field() == 0 && (k.is(Key.Kind.ENTER) || k.is(Key.Kind.DOWN))) {
            return Step.of(m.withOverlay(f.withField(1)));
        }
        if (f.field() == 2 && k.is(Key.Kind.ENTER) && !k.isNewline()) {
            return submit(m, f);
        }
        EditBuffer current = f.field() == 0 ? f.title() : f.body();
        Optional<EditBuffer> edited = current.edit(k, f.field() == 2);
        if (edited.isEmpty()) {
            return Step.of(m);
        }
        return Step.of(m.withOverlay(f.field() == 0 ? f.withTitle(edited.get()) : f.withBody(edited.get())));
    }

    private static Overlay.NewTicketForm typeField(Overlay.NewTicketForm f, Key k) {
        TicketType[] types = TicketType.values();
        if (k.is(Key.Kind.LEFT) || k.is(Key.Kind.RIGHT)) {
            int step = k.is(Key.Kind.RIGHT) ? 1 : types.length - 1;
            return f.withType(types[(f.type().ordinal() + step) % types.length]);
        }
        for (TicketType t : types) {
            if (k.is(t.wire().charAt(0))) {
                return f.withType(t);
            }
        }
        if (k.is(Key.Kind.ENTER) || k.is(Key.Kind.DOWN)) {
            return f.withField(2);
        }
        return k.is(Key.Kind.UP) ? f.withField(0) : f;
    }

    private static Step submit(TuiModel m, Overlay.NewTicketForm f) {
        if (f.title().isBlank()) {
            return Step.of(m.withOverlay(f.withField(0).withError("A ticket needs a title.")));
        }
        if (f.body().isBlank()) {
            return Step.of(m.withOverlay(f.withField(2).withError(
                    "Write the first message: what happened and how to reproduce it.")));
        }
        NewTicket t = new NewTicket(f.title().text().strip(), f.body().text().strip(), f.type(), null, null,
                f.ref() == null ? List.of() : List.of(f.ref()), List.of(), null);
        return Step.of(m.withOverlay(Overlay.NONE).withNotice(Notice.info("Opening the ticket…")), new Cmd.Create(t));
    }

    private static Step attach(TuiModel m, Overlay.AttachPrompt a, Key k) {
        if (k.is(Key.Kind.ESCAPE)) {
            return Step.of(m.withOverlay(Overlay.NONE));
        }
        if (k.is(Key.Kind.TAB)) {
            return Step.of(m, new Cmd.CompletePath(a.path().text()));
        }
        if (k.is(Key.Kind.ENTER)) {
            if (a.path().isBlank()) {
                return Step.of(m.withOverlay(new Overlay.AttachPrompt(a.ticketId(), a.path(), List.of(),
                        "Type the path of a file; Tab completes.")));
            }
            String body = m.input().text().strip();
            TuiModel next = m.withOverlay(Overlay.NONE).withInput(EditBuffer.EMPTY)
                    .withNotice(Notice.info("Attaching " + a.path().text().strip() + "…"));
            return Step.of(next, new Cmd.Attach(a.ticketId(), a.path().text().strip(), body));
        }
        return Step.of(a.path().edit(k, false).map(p -> m.withOverlay(a.withPath(p))).orElse(m));
    }
}
