package dev.ticket.tui;

import dev.ticket.model.MessageText;
import java.util.List;

/** Keys while a dialog is open: it takes them all (Ctrl+C still quits, asking first when a draft would be lost). */
final class DialogKeys {
    private DialogKeys() {
    }

    static Step key(TuiModel m, Key k) {
        Overlay o = m.dialog();
        if (o instanceof Overlay.ConfirmQuit) {
            return Step.of(k.is('y') || k.is('Y') ? m.quitting()
                    : m.withDialog(Overlay.NONE).withNotice(Notice.info("Your draft is kept.")));
        }
        if (o instanceof Overlay.ConfirmClose c) {
            if (k.is('y') || k.is('Y')) {
                return Step.of(m.withDialog(Overlay.NONE).withNotice(Notice.info("Closing #" + c.ticketId() + "…")),
                        new Cmd.Close(c.ticketId()));
            }
            return Step.of(m.withDialog(Overlay.NONE).withNotice(Notice.info("#" + c.ticketId() + " stays open.")));
        }
        if (o instanceof Overlay.NewTicketForm f) {
            return NewTicketKeys.key(m, f, k);
        }
        if (o instanceof Overlay.AttachPrompt a) {
            return attach(m, a, k);
        }
        return Step.of(m.withDialog(Overlay.NONE));
    }

    private static Step attach(TuiModel m, Overlay.AttachPrompt a, Key k) {
        if (k.is(Key.Kind.ESCAPE)) {
            return Step.of(m.withDialog(Overlay.NONE));
        }
        if (k.is(Key.Kind.TAB)) {
            return Step.of(m, new Cmd.CompletePath(a.path().text()));
        }
        if (k.is(Key.Kind.ENTER)) {
            if (a.path().isBlank()) {
                return Step.of(m.withDialog(new Overlay.AttachPrompt(a.ticketId(), a.path(), List.of(),
                        "Type the path of a file; Tab completes.")));
            }
            String body = MessageText.trim(m.input().text());
            TuiModel next = m.withDialog(Overlay.NONE).withInput(EditBuffer.EMPTY)
                    .withNotice(Notice.info("Attaching " + a.path().text().strip() + "…"));
            return Step.of(next, new Cmd.Attach(a.ticketId(), a.path().text().strip(), body));
        }
        return Step.of(a.path().edit(k, false).map(p -> m.withDialog(a.withPath(p))).orElse(m));
    }
}
