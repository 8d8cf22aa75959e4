package dev.ticket.tui;

import dev.ticket.model.Event;
import dev.ticket.model.Message;
import dev.ticket.model.Status;
import dev.ticket.model.Ticket;
import java.util.ArrayList;
import java.util.List;

/** Live events and the state of the connection that brings them. */
final class Live {
    private Live() {
    }

    static Step event(TuiModel m, Event e) {
        List<Cmd> cmds = new ArrayList<>();
        TuiModel next = m.withSession(m.session().withOnline(true));
        boolean open = m.chat().isOpen() && m.chat().ticket().id() == e.ticketId();
        Message message = e.message();
        boolean fromOther = message != null && (m.me() == null || message.author() == null
                || message.author().id() != m.me().id());
        if (Event.MESSAGE.equals(e.kind()) && message != null) {
            if (open) {
                Chat chat = m.chat().withTicket(Tickets.withMessage(m.chat().ticket(), message));
                next = next.withChat(chat.withScroll(keptScroll(m, chat)));
                if (fromOther) {
                    cmds.add(new Cmd.MarkRead(e.ticketId()));
                }
            } else if (fromOther) {
                String who = message.author() == null ? "" : " from " + message.author().name();
                next = next.withNotice(Notice.info("New message in #" + e.ticketId() + who + "."));
            }
        } else if (Event.ASSIGNMENT.equals(e.kind())) {
            if (open && e.ticket() != null) {
                Ticket shown = Tickets.withAssignee(m.chat().ticket(), e.ticket().assignee());
                next = next.withChat(m.chat().withTicket(shown));
            }
            if (open) {
                cmds.add(new Cmd.LoadTicket(e.ticketId()));
            }
            boolean toMe = m.me() != null && e.ticket() != null && e.ticket().assignee() != null
                    && e.ticket().assignee().id() == m.me().id();
            if (toMe) {
                next = next.withNotice(Notice.info("#" + e.ticketId() + " is assigned to you."));
            }
        } else if (Event.STATUS.equals(e.kind())) {
            if (open) {
                cmds.add(new Cmd.LoadTicket(e.ticketId()));
            } else if (e.status() == Status.DONE) {
                next = next.withNotice(Notice.info("#" + e.ticketId() + " was closed."));
            }
        }
        Step list = Update.loadList(next, false);
        cmds.addAll(list.commands());
        return new Step(list.model(), cmds);
    }

    /** At the newest line the chat follows new messages; scrolled up, it keeps showing the same lines. */
    private static int keptScroll(TuiModel m, Chat grown) {
        if (m.chat().scroll() == 0) {
            return 0;
        }
        int width = Layout.of(m).chatWidth();
        int added = ChatLayout.lines(grown, width, m.now(), m.zone()).size()
                - ChatLayout.lines(m.chat(), width, m.now(), m.zone()).size();
        return m.chat().scroll() + added;
    }

    static Step connection(TuiModel m, Msg.Connection c) {
        if (!c.up()) {
            if (!m.online()) {
                return Step.of(m);
            }
            String detail = c.detail() == null || c.detail().isBlank() ? ""
                    : " (" + c.detail().strip().replaceAll("[.]+$", "") + ")";
            return Step.of(m.withSession(m.session().withOnline(false)).withNotice(
                    Notice.error("Lost the connection to the service" + detail + ". Reconnecting…")));
        }
        if (m.online() && m.me() != null) {
            return Step.of(m);
        }
        TuiModel next = m.withSession(m.session().withOnline(true)).withNotice(m.online() ? m.notice() : Notice.info("Reconnected."));
        Step s = Update.refresh(next);
        return next.me() == null ? s.and(new Cmd.LoadMe()) : s;
    }
}
