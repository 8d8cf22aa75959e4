package dev.ticket.tui;

import dev.ticket.model.User;

/**
 * What is true of the whole view rather than of one pane: who we are ({@code me}, null until the service said),
 * whether the service can be reached, which pane has the keys, the status line, and whether the view is ending.
 */
public record Session(User me, boolean online, Focus focus, Notice notice, boolean quit) {
    static final Session START = new Session(null, true, Focus.LIST, null, false);

    /** True when the viewer is on the support team (agent or admin). */
    public boolean team() {
        return me != null && me.role().isTeam();
    }

    Session withMe(User u) {
        return new Session(u, online, focus, notice, quit);
    }

    Session withOnline(boolean o) {
        return new Session(me, o, focus, notice, quit);
    }

    Session withFocus(Focus f) {
        return new Session(me, online, f, notice, quit);
    }

    Session withNotice(Notice n) {
        return new Session(me, online, focus, n, quit);
    }

    Session quitting() {
        return new Session(me, online, focus, notice, true);
    }
}
