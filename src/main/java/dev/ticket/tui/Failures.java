package dev.ticket.tui;

import dev.ticket.model.NewTicket;
import java.util.List;

/** What the view does when a command fails: say so in one sentence, and undo what it assumed. */
final class Failures {
    private Failures() {
    }

    static Step failed(TuiModel m, Msg.Failed f) {
        if (f.cause() instanceof Cmd.LoadTopics) {
            return Step.of(m); // the about field takes any text; topics are only a help
        }
        TuiModel next = m.withNotice(Notice.error(f.text()));
        if (f.kind() == Failure.UNAVAILABLE) {
            next = next.withSession(next.session().withOnline(false));
        }
        Cmd cause = f.cause();
        if (cause instanceof Cmd.Send s) {
            next = restoreInput(next, s.body());
        } else if (cause instanceof Cmd.Attach a) {
            next = restoreInput(next, a.body()).withDialog(
                    new Overlay.AttachPrompt(a.ticketId(), EditBuffer.of(a.path()), List.of(), f.text()));
        } else if (cause instanceof Cmd.Create c) {
            next = next.withDialog(form(c.ticket()).withError(f.text()));
        } else if (cause instanceof Cmd.LoadList l && l.seq() == next.list().seq()) {
            next = next.withList(next.list().withProblem(f.text()));
        } else if (cause instanceof Cmd.LoadTicket t && t.ticketId() == orZero(next.list().selected())
                && !next.chat().isOpen()) {
            next = next.withChat(f.kind() == Failure.NOT_FOUND ? Chat.NONE : new Chat(null, 0, -1, false));
        }
        if (f.kind() == Failure.CLOSED) {
            Long id = ticketOf(cause);
            Step s = Update.loadList(next.withDialog(Overlay.NONE), false);
            return id == null ? s : s.and(new Cmd.LoadTicket(id));
        }
        return Step.of(next);
    }

    private static long orZero(Long id) {
        return id == null ? 0 : id;
    }

    private static TuiModel restoreInput(TuiModel m, String body) {
        return m.input().isBlank() && body != null ? m.withInput(EditBuffer.of(body)) : m;
    }

    private static Overlay.NewTicketForm form(NewTicket t) {
        Long ref = t.refs() == null || t.refs().isEmpty() ? null : t.refs().get(0);
        return new Overlay.NewTicketForm(EditBuffer.of(t.title()), t.type(), EditBuffer.of(t.body()),
                EditBuffer.of(t.about() == null ? "" : t.about()), EditBuffer.of(t.dialogUrl() == null ? "" : t.dialogUrl()),
                Overlay.NewTicketForm.TITLE, ref, null, null);
    }

    private static Long ticketOf(Cmd c) {
        if (c instanceof Cmd.Send s) {
            return s.ticketId();
        }
        if (c instanceof Cmd.Attach a) {
            return a.ticketId();
        }
        if (c instanceof Cmd.Close x) {
            return x.ticketId();
        }
        return null;
    }
}
