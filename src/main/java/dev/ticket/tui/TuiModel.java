package dev.ticket.tui;

import dev.ticket.model.User;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;

/**
 * Everything the chat view shows, as one immutable value: {@link Update} makes the next one from
 * a message, {@link View} draws it. {@code me} is null until the service said who we are;
 * {@code online} is false while the service cannot be reached.
 */
public record TuiModel(User me, TicketList list, Chat chat, EditBuffer input, Focus focus, Overlay overlay,
                       Notice notice, boolean online, int cols, int rows, Instant now, ZoneId zone, boolean quit,
                       Map<Long, String> drafts) {

    public TuiModel {
        drafts = Map.copyOf(drafts);
    }

    /** The state before anything is loaded, at a terminal size and a clock. */
    public static TuiModel initial(int cols, int rows, Instant now, ZoneId zone) {
        return new TuiModel(null, TicketList.empty(), Chat.NONE, EditBuffer.EMPTY, Focus.LIST, Overlay.NONE,
                null, true, cols, rows, now, zone, false, Map.of());
    }

    /** True when the viewer is on the support team (agent or admin). */
    public boolean team() {
        return me != null && me.role().isTeam();
    }

    public TuiModel withMe(User u) {
        return new TuiModel(u, list, chat, input, focus, overlay, notice, online, cols, rows, now, zone, quit, drafts);
    }

    public TuiModel withList(TicketList l) {
        return new TuiModel(me, l, chat, input, focus, overlay, notice, online, cols, rows, now, zone, quit, drafts);
    }

    public TuiModel withChat(Chat c) {
        return new TuiModel(me, list, c, input, focus, overlay, notice, online, cols, rows, now, zone, quit, drafts);
    }

    public TuiModel withInput(EditBuffer i) {
        return new TuiModel(me, list, chat, i, focus, overlay, notice, online, cols, rows, now, zone, quit, drafts);
    }

    public TuiModel withFocus(Focus f) {
        return new TuiModel(me, list, chat, input, f, overlay, notice, online, cols, rows, now, zone, quit, drafts);
    }

    public TuiModel withOverlay(Overlay o) {
        return new TuiModel(me, list, chat, input, focus, o, notice, online, cols, rows, now, zone, quit, drafts);
    }

    public TuiModel withNotice(Notice n) {
        return new TuiModel(me, list, chat, input, focus, overlay, n, online, cols, rows, now, zone, quit, drafts);
    }

    public TuiModel withOnline(boolean o) {
        return new TuiModel(me, list, chat, input, focus, overlay, notice, o, cols, rows, now, zone, quit, drafts);
    }

    public TuiModel withSize(int c, int r) {
        return new TuiModel(me, list, chat, input, focus, overlay, notice, online, c, r, now, zone, quit, drafts);
    }

    public TuiModel withNow(Instant n) {
        return new TuiModel(me, list, chat, input, focus, overlay, notice, online, cols, rows, n, zone, quit, drafts);
    }

    /**
     * Keeps what was typed for the open ticket and brings back what was typed for {@code next}, so a
     * message never follows the selection into another ticket.
     */
    public TuiModel switchingDraft(Long next) {
        Map<Long, String> kept = new HashMap<>(drafts);
        if (chat.isOpen()) {
            if (input.text().isEmpty()) {
                kept.remove(chat.ticket().id());
            } else {
                kept.put(chat.ticket().id(), input.text());
            }
        }
        String restored = next == null ? null : kept.remove(next);
        return new TuiModel(me, list, chat, EditBuffer.of(restored == null ? "" : restored), focus, overlay, notice,
                online, cols, rows, now, zone, quit, kept);
    }

    /** True when quitting would lose text the user typed: the input box, a kept draft, the new-ticket form. */
    public boolean hasDraft() {
        boolean form = overlay instanceof Overlay.NewTicketForm f && !(f.title().isBlank() && f.body().isBlank());
        return !input.isBlank() || form || drafts.values().stream().anyMatch(d -> !d.isBlank());
    }

    /** Quits, or first asks when a draft would be lost ({@link Overlay.ConfirmQuit}). */
    public TuiModel quittingOrAsking() {
        return hasDraft() ? withOverlay(new Overlay.ConfirmQuit()) : quitting();
    }

    public TuiModel quitting() {
        return new TuiModel(me, list, chat, input, focus, overlay, notice, online, cols, rows, now, zone, true, drafts);
    }
}
