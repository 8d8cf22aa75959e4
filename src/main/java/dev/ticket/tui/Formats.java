package dev.ticket.tui;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How times, sizes and statuses read on screen. */
final class Formats {
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("MMM dd", Locale.ENGLISH);
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd", Locale.ENGLISH);

    private Formats() {
    }

    /** Short, for the list: "14:05" today, "May 02" this year, "2023-05-02" before. */
    static String shortTime(Instant t, Instant now, ZoneId zone) {
        return format(t, now, zone, false);
    }

    /** Full, for messages: "14:05" today, "May 02 14:05" this year, "2023-05-02 14:05" before. */
    static String time(Instant t, Instant now, ZoneId zone) {
        return format(t, now, zone, true);
    }

    private static String format(Instant t, Instant now, ZoneId zone, boolean dayWithClock) {
        if (t == null) {
            return "";
        }
        ZonedDateTime at = t.atZone(zone);
        ZonedDateTime today = now.atZone(zone);
        if (at.toLocalDate().equals(today.toLocalDate())) {
            return CLOCK.format(at);
        }
        String day = at.getYear() == today.getYear() ? DAY.format(at) : DATE.format(at);
        return dayWithClock ? day + " " + CLOCK.format(at) : day;
    }
}
