package dev.ticket.tui;

import dev.ticket.model.Ticket;
import java.util.List;
import java.util.Optional;

/** Keys when no dialog is open: focus, the list, the chat, the input box, the search field. */
final class Keys {
    private Keys() {
    }

    static Step key(TuiModel m, Key k) {
        if (k.isCtrl('c')) {
            // a second Ctrl+C while asking quits: the way out of a stuck terminal stays two keys
            return Step.of(m.dialog() instanceof Overlay.ConfirmQuit ? m.quitting() : m.quittingOrAsking());
        }
        if (!(m.dialog() instanceof Overlay.None)) {
            return DialogKeys.key(m, k);
        }
        if (m.list().searching()) {
            return search(m, k);
        }
        if (k.is(Key.Kind.TAB) || k.is(Key.Kind.BACK_TAB)) {
            return Step.of(focus(m, k.is(Key.Kind.TAB)));
        }
        if (k.is(Key.Kind.F1)) {
            return Step.of(m.withDialog(new Overlay.Help()));
        }
        if (k.is(Key.Kind.F5) || k.isCtrl('r')) {
            return Update.refresh(m);
        }
        switch (m.focus()) {
            case INPUT: return InputKeys.key(m, k);
            case CHAT: return chat(m, k);
            default: return list(m, k);
        }
    }

    private static TuiModel focus(TuiModel m, boolean forward) {
        if (!m.chat().isOpen()) {
            return m.withFocus(Focus.LIST);
        }
        return m.withFocus(forward ? m.focus().next() : m.focus().previous());
    }

    private static Step list(TuiModel m, Key k) {
        int page = Layout.of(m).visibleTickets();
        switch (k.alt() || k.ctrl() ? Key.Kind.OTHER : k.kind()) {
            case UP: return move(m, -1);
            case DOWN: return move(m, 1);
            case PAGE_UP: return move(m, -page);
            case PAGE_DOWN: return move(m, page);
            case HOME: return move(m, -Integer.MAX_VALUE / 2);
            case END: return move(m, Integer.MAX_VALUE / 2);
            case ENTER:
            case RIGHT:
                return Step.of(m.list().selected() == null ? m : m.withFocus(Focus.INPUT));
            default: return Commands.letter(m, k);
        }
    }

    private static Step move(TuiModel m, int delta) {
        List<Ticket> rows = Update.rows(m);
        if (rows.isEmpty()) {
            return Step.of(m);
        }
        int at = m.list().selectedIndex(m.team());
        int to = at < 0 ? 0 : (int) Math.max(0, Math.min(rows.size() - 1, (long) at + delta));
        return to == at ? Step.of(m) : Update.select(m, rows.get(to));
    }

    private static Step chat(TuiModel m, Key k) {
        int page = Math.max(1, Layout.of(m).messagesHeight() - 1);
        switch (k.alt() || k.ctrl() ? Key.Kind.OTHER : k.kind()) {
            case UP: return Step.of(attachmentOrLine(m, -1));
            case DOWN: return Step.of(attachmentOrLine(m, 1));
            case PAGE_UP: return Step.of(scroll(m, page));
            case PAGE_DOWN: return Step.of(scroll(m, -page));
            case HOME: return Step.of(scroll(m, Integer.MAX_VALUE / 2));
            case END: return Step.of(m.withChat(m.chat().withScroll(0)));
            case ENTER: return Step.of(m.withFocus(Focus.INPUT));
            case ESCAPE:
            case LEFT:
                return Step.of(m.withFocus(Focus.LIST));
            default: return Commands.letter(m, k);
        }
    }

    /** Scroll the chat by {@code lines} (positive: towards older messages), within its length. */
    static TuiModel scroll(TuiModel m, int lines) {
        Layout lay = Layout.of(m);
        int total = ChatLayout.lines(m.chat(), lay.chatWidth(), m.now(), m.zone()).size();
        int max = Math.max(0, total - lay.messagesHeight());
        int to = (int) Math.max(0, Math.min(max, (long) m.chat().scroll() + lines));
        return m.withChat(m.chat().withScroll(to));
    }

    private static TuiModel attachmentOrLine(TuiModel m, int delta) {
        int count = m.chat().attachments().size();
        if (count == 0) {
            return scroll(m, -delta);
        }
        int at = m.chat().attachment();
        int to = at < 0 ? (delta < 0 ? count - 1 : 0) : Math.max(0, Math.min(count - 1, at + delta));
        return reveal(m.withChat(m.chat().withAttachment(to)), to);
    }

    /** Scrolls so the line of attachment {@code index} is on screen. */
    static TuiModel reveal(TuiModel m, int index) {
        Layout lay = Layout.of(m);
        List<ChatLayout.Line> lines = ChatLayout.lines(m.chat(), lay.chatWidth(), m.now(), m.zone());
        int line = ChatLayout.lineOf(lines, index);
        int height = lay.messagesHeight();
        int first = ChatPane.firstVisible(lines.size(), height, m.chat().scroll());
        if (line < 0 || height == 0 || (line >= first && line < first + height)) {
            return m;
        }
        int wantedFirst = line < first ? line : line - height + 1;
        return m.withChat(m.chat().withScroll(Math.max(0, lines.size() - height - wantedFirst)));
    }

    private static Step search(TuiModel m, Key k) {
        TicketList list = m.list();
        if (k.is(Key.Kind.ENTER) || k.is(Key.Kind.TAB)) {
            return Step.of(m.withList(list.withSearch(list.search(), false)));
        }
        if (k.is(Key.Kind.ESCAPE)) {
            TuiModel cleared = m.withList(list.withSearch(EditBuffer.EMPTY, false));
            return list.search().text().isEmpty() ? Step.of(cleared) : Update.loadList(cleared, true);
        }
        if (k.is(Key.Kind.UP) || k.is(Key.Kind.DOWN)) {
            return list(m.withList(list.withSearch(list.search(), false)), k);
        }
        Optional<EditBuffer> edited = list.search().edit(k, false);
        if (edited.isEmpty()) {
            return Step.of(m);
        }
        TuiModel next = m.withList(list.withSearch(edited.get(), true));
        boolean changed = !edited.get().text().equals(list.search().text());
        return changed ? Update.loadList(next, true) : Step.of(next);
    }
}
