package dev.ticket.tui;

import dev.ticket.model.User;
import java.time.Instant;
import java.time.ZoneId;

/**
 * Everything the chat view shows, as one immutable value: {@link Update} makes the next one from
 * a message, {@link View} draws it. {@code me} is null until the service said who we are;
 * {@code online} is false while the service cannot be reached.
 */
public record TuiModel(User me, TicketList list, Chat chat, EditBuffer input, Focus focus, Overlay overlay,
                       Notice notice, boolean online, int cols, int rows, Instant now, ZoneId zone, boolean quit) {

    /** The state before anything is loaded, at a terminal size and a clock. */
    public static TuiModel initial(int cols, int rows, Instant now, ZoneId zone) {
        return new TuiModel(null, TicketList.empty(), Chat.NONE, EditBuffer.EMPTY, Focus.LIST, Overlay.NONE,
                null, true, cols, rows, now, zone, false);
    }

    /** True when the viewer is on the support team (agent or admin). */
    public boolean team() {
        return me != null && me.role().isTeam();
    }

    public TuiModel withMe(User u) {
        return new TuiModel(u, list, chat, input, focus, overlay, notice, online, cols, rows, now, zone, quit);
    }

    public TuiModel withList(TicketList l) {
        return new TuiModel(me, l, chat, input, focus, overlay, notice, online, cols, rows, now, zone, quit);
    }

    public TuiModel withChat(Chat c) {
        return new TuiModel(me, list, c, input, focus, overlay, notice, online, cols, rows, now, zone, quit);
    }

    public TuiModel withInput(EditBuffer i) {
        return new TuiModel(me, list, chat, i, focus, overlay, notice, online, cols, rows, now, zone, quit);
    }

    public TuiModel withFocus(Focus f) {
        return new TuiModel(me, list, chat, input, f, overlay, notice, online, cols, rows, now, zone, quit);
    }

    public TuiModel withOverlay(Overlay o) {
        return new TuiModel(me, list, chat, input, focus, o, notice, online, cols, rows, now, zone, quit);
    }

    public TuiModel withNotice(Notice n) {
        return new TuiModel(me, list, chat, input, focus, overlay, n, online, cols, rows, now, zone, quit);
    }

    public TuiModel withOnline(boolean o) {
        return new TuiModel(me, list, chat, input, focus, overlay, notice, o, cols, rows, now, zone, quit);
    }

    public TuiModel withSize(int c, int r) {
        return new TuiModel(me, list, chat, input, focus, overlay, notice, online, c, r, now, zone, quit);
    }

    public TuiModel withNow(Instant n) {
        return new TuiModel(me, list, chat, input, focus, overlay, notice, online, cols, rows, n, zone, quit);
    }

    public TuiModel quitting() {
        return new TuiModel(me, list, chat, input, focus, overlay, notice, online, cols, rows, now, zone, true);
    }
}
