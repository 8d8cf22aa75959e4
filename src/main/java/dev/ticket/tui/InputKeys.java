package dev.ticket.tui;

import dev.ticket.model.MessageText;
import java.util.Optional;

/**
 * Keys in the input box: typing, Enter to send, Alt+Enter for a new line. A Done ticket's box takes
 * no text, so there letters are commands as in the list, and Enter opens a follow-up ticket (R4).
 */
final class InputKeys {
    private InputKeys() {
    }

    static Step key(TuiModel m, Key k) {
        if (k.is(Key.Kind.ESCAPE)) {
            return Step.of(m.withFocus(Focus.LIST));
        }
        if (k.is(Key.Kind.PAGE_UP) || k.is(Key.Kind.PAGE_DOWN)) {
            int page = Math.max(1, Layout.of(m).messagesHeight() - 1);
            return Step.of(Keys.scroll(m, k.is(Key.Kind.PAGE_UP) ? page : -page));
        }
        if (!m.chat().isOpen()) {
            return Step.of(m);
        }
        if (m.chat().isDone()) {
            return closed(m, k);
        }
        if (k.is(Key.Kind.ENTER) && !k.isNewline()) {
            return send(m);
        }
        Optional<EditBuffer> edited = m.input().edit(k, true);
        return Step.of(edited.map(m::withInput).orElse(m));
    }

    private static Step closed(TuiModel m, Key k) {
        if (k.is(Key.Kind.ENTER)) {
            return Commands.newTicket(m);
        }
        return Commands.letter(m, k);
    }

    private static Step send(TuiModel m) {
        if (m.input().isBlank()) {
            return Step.of(m.withNotice(Notice.info("Type a message first; Alt+Enter starts a new line.")));
        }
        long id = m.chat().ticket().id();
        String body = MessageText.trim(m.input().text());
        TuiModel next = m.withInput(EditBuffer.EMPTY).withNotice(Notice.info("Sending to #" + id + "…"));
        return Step.of(next, new Cmd.Send(id, body));
    }
}
