package dev.ticket.tui;

import dev.ticket.model.Attachment;
import java.util.List;

/** The one-letter commands of the list and the chat (see {@link Dialogs#HELP}). */
final class Commands {
    private Commands() {
    }

    static Step letter(TuiModel m, Key k) {
        if (!k.isText()) {
            return Step.of(m);
        }
        switch (k.ch()) {
            case '/': return Step.of(m.withFocus(Focus.LIST).withList(m.list().withSearch(m.list().search(), true)));
            case 'f': return filter(m);
            case 'n': return newTicket(m);
            case 'a': return attach(m);
            case 'd': return download(m);
            case 'c': return close(m);
            case 'r': return Update.refresh(m);
            case '?': return Step.of(m.withDialog(new Overlay.Help()));
            case 'q': return Step.of(m.quittingOrAsking());
            default: return Step.of(m);
        }
    }

    private static Step filter(TuiModel m) {
        return Update.loadList(m, m.list().filter().next(), true);
    }

    /** The new-ticket form; from a Done ticket it refers to that ticket (R4). */
    static Step newTicket(TuiModel m) {
        Long ref = m.chat().isDone() ? m.chat().ticket().id() : null;
        return Step.of(m.withDialog(Overlay.NewTicketForm.blank(ref)));
    }

    private static Step attach(TuiModel m) {
        if (!m.chat().isOpen()) {
            return Step.of(m.withNotice(Notice.info("Open a ticket first, then press a to attach a file.")));
        }
        if (m.chat().isDone()) {
            return Step.of(m.withNotice(Notice.error(InputPane.closedText(m.chat().ticket().id()))));
        }
        return Step.of(m.withDialog(new Overlay.AttachPrompt(m.chat().ticket().id(), EditBuffer.EMPTY, List.of(), null)));
    }

    private static Step download(TuiModel m) {
        List<Attachment> all = m.chat().attachments();
        if (all.isEmpty()) {
            return Step.of(m.withNotice(Notice.info(m.chat().isOpen() ? "This ticket has no attachments."
                    : "Open a ticket first.")));
        }
        int index = m.chat().attachment() >= 0 ? m.chat().attachment() : all.size() - 1;
        Attachment a = all.get(index);
        TuiModel next = Keys.reveal(m.withChat(m.chat().withAttachment(index)), index)
                .withNotice(Notice.info("Downloading " + a.filename() + "…"));
        return Step.of(next, new Cmd.Download(a));
    }

    private static Step close(TuiModel m) {
        if (!m.chat().isOpen()) {
            return Step.of(m.withNotice(Notice.info("Open a ticket first.")));
        }
        if (m.chat().isDone()) {
            return Step.of(m.withNotice(Notice.info("#" + m.chat().ticket().id() + " is already closed.")));
        }
        return Step.of(m.withDialog(new Overlay.ConfirmClose(m.chat().ticket().id(), m.chat().ticket().title())));
    }
}
