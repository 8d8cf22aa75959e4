package dev.ticket.tui;

import java.time.Instant;
import java.time.ZoneId;

/** The terminal's size and the clock the view shows times against ("14:05" today, "May 02" before). */
public record Viewport(int cols, int rows, Instant now, ZoneId zone) {
    Viewport withSize(int c, int r) {
        return new Viewport(c, r, now, zone);
    }

    Viewport withNow(Instant n) {
        return new Viewport(cols, rows, n, zone);
    }
}
