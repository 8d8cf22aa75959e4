package dev.ticket.tui;

/** Which pane receives keys; Tab moves through them in this order. */
public enum Focus {
    LIST, CHAT, INPUT;

    public Focus next() {
        return values()[(ordinal() + 1) % values().length];
    }

    public Focus previous() {
        return values()[(ordinal() + values().length - 1) % values().length];
    }
}
