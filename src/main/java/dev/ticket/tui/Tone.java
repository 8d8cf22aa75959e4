package dev.ticket.tui;

/** The colours the view uses; the runner maps them to the terminal's ANSI colours. */
public enum Tone {
    DEFAULT, BLACK, RED, GREEN, YELLOW, BLUE, MAGENTA, CYAN, WHITE, GRAY
}
