package dev.ticket.tui;

/** What kind of thing went wrong with a command, so the view can react beyond showing the sentence. */
public enum Failure {
    /** The ticket is Done (R4). */
    CLOSED,
    NOT_FOUND,
    /** The service cannot be reached or keeps failing: the view shows it is offline. */
    UNAVAILABLE,
    DENIED,
    INVALID,
    OTHER
}
