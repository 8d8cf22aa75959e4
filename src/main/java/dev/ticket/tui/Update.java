package dev.ticket.tui;

import dev.ticket.model.Ticket;
import java.util.List;

/**
 * The chat view's logic: {@code update(model, msg)} returns the next model and the commands to
 * run. Pure: no I/O, no clock, no terminal; the runner performs the commands and feeds back
 * their answers as messages.
 */
public final class Update {
    private Update() {
    }

    /** The first step: who am I, the list, and the ticket given on the command line if any. */
    public static Step init(TuiModel model, Long openTicket) {
        TuiModel m = model;
        if (openTicket != null) {
            m = m.withList(m.list().withSelected(openTicket)).withChat(Chat.pending()).withFocus(Focus.INPUT);
        }
        Step list = loadList(m, false);
        Step first = Step.of(list.model(), new Cmd.LoadMe());
        first = first.and(list.commands().toArray(Cmd[]::new));
        return openTicket == null ? first : first.and(new Cmd.LoadTicket(openTicket));
    }

    public static Step update(TuiModel m, Msg msg) {
        if (msg instanceof Msg.KeyPressed k) {
            return Keys.key(m.withNotice(null), k.key());
        }
        if (msg instanceof Msg.Resized r) {
            return Step.of(m.withViewport(m.viewport().withSize(r.cols(), r.rows())));
        }
        if (msg instanceof Msg.Tick t) {
            return Step.of(m.withViewport(m.viewport().withNow(t.now())));
        }
        if (msg instanceof Msg.LiveEvent e) {
            return Live.event(m, e.event());
        }
        if (msg instanceof Msg.Connection c) {
            return Live.connection(m, c);
        }
        if (msg instanceof Msg.InputEnded) {
            return Step.of(m.quitting());
        }
        if (msg instanceof Msg.Failed f) {
            return Failures.failed(m, f);
        }
        return Results.result(m.withSession(m.session().withOnline(true)), msg);
    }

    /** A fresh list request for the current filter and search. */
    static Step loadList(TuiModel m, boolean reselect) {
        return loadList(m, m.list().filter(), reselect);
    }

    /** A list request for {@code filter}; for the team, the tickets awaiting it are fetched whatever their age. */
    static Step loadList(TuiModel m, StatusFilter filter, boolean reselect) {
        TicketList list = m.list().nextRequest(filter, reselect);
        return Step.of(m.withList(list),
                new Cmd.LoadList(list.seq(), list.filter(), list.search().text().strip(), m.team()));
    }

    /** Select a ticket in the list and load its chat. */
    static Step select(TuiModel m, Ticket t) {
        if (t == null) {
            return Step.of(m.switchingDraft(null).withList(m.list().withSelected(null)).withChat(Chat.NONE));
        }
        if (m.chat().isOpen() && m.chat().ticket().id() == t.id()) {
            return Step.of(m.withList(m.list().withSelected(t.id())));
        }
        TuiModel next = m.switchingDraft(t.id()).withList(m.list().withSelected(t.id())).withChat(Chat.pending());
        return Step.of(next, new Cmd.LoadTicket(t.id()));
    }

    /** Reload the list and the open ticket. */
    static Step refresh(TuiModel m) {
        Step s = loadList(m, false);
        Long selected = m.list().selected();
        return selected == null ? s : s.and(new Cmd.LoadTicket(selected));
    }

    /** The rows in display order for this viewer. */
    static List<Ticket> rows(TuiModel m) {
        return m.list().rows(m.team());
    }
}
