package dev.ticket.tui;

import dev.ticket.model.ByteSizes;
import dev.ticket.model.Ticket;
import java.util.List;

/** How answers from the service change the model. */
final class Results {
    private Results() {
    }

    static Step result(TuiModel m, Msg msg) {
        if (msg instanceof Msg.MeLoaded me) {
            TuiModel next = m.withSession(m.session().withMe(me.me()));
            return next.team() && !m.team() ? Update.loadList(next, false) : Step.of(next);
        }
        if (msg instanceof Msg.ListLoaded l) {
            return listLoaded(m, l);
        }
        if (msg instanceof Msg.TicketLoaded t) {
            return ticketLoaded(m, t.ticket());
        }
        if (msg instanceof Msg.MessageSent s) {
            return sent(m, s);
        }
        if (msg instanceof Msg.TicketClosed c) {
            return closed(m, c.ticket());
        }
        if (msg instanceof Msg.TicketCreated c) {
            return created(m, c.ticket());
        }
        if (msg instanceof Msg.MarkedRead r) {
            return Step.of(m.withList(m.list().withUnread(r.ticketId(), 0)));
        }
        if (msg instanceof Msg.Downloaded d) {
            return Step.of(m.withNotice(Notice.info("Saved " + d.attachment().filename() + " ("
                    + ByteSizes.human(d.attachment().size()) + ") to " + d.path() + ".")));
        }
        if (msg instanceof Msg.TopicsLoaded t) {
            return Step.of(m.dialog() instanceof Overlay.NewTicketForm f ? m.withDialog(f.withTopics(t.topics())) : m);
        }
        if (msg instanceof Msg.PathCompleted p) {
            return Step.of(completed(m, p));
        }
        return Step.of(m);
    }

    private static Step listLoaded(TuiModel m, Msg.ListLoaded l) {
        if (l.seq() != m.list().seq()) {
            return Step.of(m);
        }
        boolean reselect = m.list().reselect() || m.list().selected() == null;
        TuiModel next = m.withList(m.list().withTickets(l.tickets()));
        List<Ticket> rows = Update.rows(next);
        if (!reselect || next.list().selectedIndex(next.team()) >= 0) {
            return Step.of(next);
        }
        return Update.select(next, rows.isEmpty() ? null : rows.get(0));
    }

    private static Step ticketLoaded(TuiModel m, Ticket t) {
        Long selected = m.list().selected();
        if (selected == null || selected != t.id()) {
            return Step.of(m);
        }
        boolean same = m.chat().isOpen() && m.chat().ticket().id() == t.id();
        Chat chat = same ? m.chat().withTicket(t) : new Chat(t, 0, -1, false);
        TuiModel next = m.withChat(chat);
        return t.unread() > 0 ? Step.of(next, new Cmd.MarkRead(t.id())) : Step.of(next);
    }

    private static Step sent(TuiModel m, Msg.MessageSent s) {
        TuiModel next = m;
        if (m.chat().isOpen() && m.chat().ticket().id() == s.ticketId()) {
            next = m.withChat(m.chat().withTicket(Tickets.withMessage(m.chat().ticket(), s.message())).withScroll(0));
        }
        String what = s.message().attachments().isEmpty() ? "Sent to #" + s.ticketId() + "."
                : "Attached " + String.join(", ", s.message().attachments().stream().map(a -> a.filename()).toList())
                + " to #" + s.ticketId() + ".";
        return Update.loadList(next.withNotice(Notice.info(what)), false);
    }

    private static Step closed(TuiModel m, Ticket t) {
        TuiModel next = m;
        if (m.chat().isOpen() && m.chat().ticket().id() == t.id()) {
            next = m.withChat(m.chat().withTicket(Tickets.keepingChat(t, m.chat().ticket())));
        }
        next = next.withNotice(Notice.info("#" + t.id() + " is closed (Done)."));
        return Update.loadList(next, false);
    }

    private static Step created(TuiModel m, Ticket t) {
        TicketList list = m.list();
        if (list.filter() == StatusFilter.DONE) {
            list = list.nextRequest(StatusFilter.ALL, false);
        }
        TuiModel next = m.switchingDraft(t.id()).withList(list.withSelected(t.id())).withChat(Chat.pending())
                .withFocus(Focus.INPUT)
                .withNotice(Notice.info(Boolean.TRUE.equals(t.deduplicated())
                        ? "Added to the open ticket #" + t.id() + "." : "Opened #" + t.id() + "."));
        Step s = Update.loadList(next, false);
        return s.and(new Cmd.LoadTicket(t.id()));
    }

    private static TuiModel completed(TuiModel m, Msg.PathCompleted p) {
        if (!(m.dialog() instanceof Overlay.AttachPrompt a) || !a.path().text().equals(p.partial())) {
            return m;
        }
        if (p.candidates().isEmpty()) {
            return m.withDialog(new Overlay.AttachPrompt(a.ticketId(), a.path(), List.of(), "No file matches."));
        }
        String common = commonPrefix(p.candidates());
        EditBuffer path = common.length() > p.partial().length() ? EditBuffer.of(common) : a.path();
        List<String> shown = p.candidates().size() > 1 ? p.candidates() : List.of();
        return m.withDialog(new Overlay.AttachPrompt(a.ticketId(), path, shown, null));
    }

    static String commonPrefix(List<String> words) {
        String prefix = words.get(0);
        for (String w : words) {
            int i = 0;
            while (i < prefix.length() && i < w.length() && prefix.charAt(i) == w.charAt(i)) {
                i++;
            }
            prefix = prefix.substring(0, i);
        }
        return prefix;
    }
}
