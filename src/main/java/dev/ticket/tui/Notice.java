package dev.ticket.tui;

/** The one-line message at the bottom of the screen: what just happened, or what went wrong. */
public record Notice(String text, boolean error) {
    public static Notice info(String text) {
        return new Notice(text, false);
    }

    public static Notice error(String text) {
        return new Notice(text, true);
    }
}
