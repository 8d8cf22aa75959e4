package dev.ticket.tui;

import dev.ticket.model.User;
import java.time.Instant;
import java.time.ZoneId;

/**
 * Everything the chat view shows, as one immutable value made of one record per pane: the ticket list, the
 * chat, the input box ({@link Compose}) and the dialog over them ({@link Overlay}), with what belongs to the
 * whole view ({@link Session}) and the terminal's size and clock ({@link Viewport}). {@link Update} makes
 * the next value from a message, {@link View} draws it.
 */
public record TuiModel(Session session, Viewport viewport, TicketList list, Chat chat, Compose compose,
                       Overlay dialog) {

    /** The state before anything is loaded, at a terminal size and a clock. */
    public static TuiModel initial(int cols, int rows, Instant now, ZoneId zone) {
        return new TuiModel(Session.START, new Viewport(cols, rows, now, zone), TicketList.empty(), Chat.NONE,
                Compose.EMPTY, Overlay.NONE);
    }

    public TuiModel withSession(Session s) {
        return new TuiModel(s, viewport, list, chat, compose, dialog);
    }

    public TuiModel withViewport(Viewport v) {
        return new TuiModel(session, v, list, chat, compose, dialog);
    }

    public TuiModel withList(TicketList l) {
        return new TuiModel(session, viewport, l, chat, compose, dialog);
    }

    public TuiModel withChat(Chat c) {
        return new TuiModel(session, viewport, list, c, compose, dialog);
    }

    public TuiModel withCompose(Compose c) {
        return new TuiModel(session, viewport, list, chat, c, dialog);
    }

    public TuiModel withDialog(Overlay d) {
        return new TuiModel(session, viewport, list, chat, compose, d);
    }

    // shorthands for what nearly every step reads or changes

    public User me() {
        return session.me();
    }

    /** True when the viewer is on the support team (agent or admin). */
    public boolean team() {
        return session.team();
    }

    public Focus focus() {
        return session.focus();
    }

    public Notice notice() {
        return session.notice();
    }

    public boolean online() {
        return session.online();
    }

    public boolean quit() {
        return session.quit();
    }

    public EditBuffer input() {
        return compose.input();
    }

    public int cols() {
        return viewport.cols();
    }

    public int rows() {
        return viewport.rows();
    }

    public Instant now() {
        return viewport.now();
    }

    public ZoneId zone() {
        return viewport.zone();
    }

    public TuiModel withNotice(Notice n) {
        return withSession(session.withNotice(n));
    }

    public TuiModel withFocus(Focus f) {
        return withSession(session.withFocus(f));
    }

    public TuiModel withInput(EditBuffer i) {
        return withCompose(compose.withInput(i));
    }

    /** Keeps the open ticket's draft and brings back the one typed for {@code next}. */
    public TuiModel switchingDraft(Long next) {
        return withCompose(compose.switching(chat.isOpen() ? chat.ticket().id() : null, next));
    }

    /** True when quitting would lose text the user typed: the input box, a kept draft, the new-ticket form. */
    public boolean hasDraft() {
        return compose.hasDraft() || dialog instanceof Overlay.NewTicketForm f && f.hasText();
    }

    /** Quits, or first asks when a draft would be lost ({@link Overlay.ConfirmQuit}). */
    public TuiModel quittingOrAsking() {
        return hasDraft() ? withDialog(new Overlay.ConfirmQuit()) : quitting();
    }

    public TuiModel quitting() {
        return withSession(session.quitting());
    }
}
