package dev.ticket.cli.output;

import dev.ticket.model.Role;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

/** Human renderings of statuses, times and sizes, in the clock's time zone. */
public final class Formats {
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd");
    private final Clock clock;

    public Formats(Clock clock) {
        this.clock = clock;
    }

    static String side(Role role) {
        return role != null && role.isTeam() ? "team" : "customer";
    }

    /** A moment as local date and time: {@code 2025-11-25 14:03}. */
    public String dateTime(Instant at) {
        return at == null ? "" : DATE_TIME.format(at.atZone(clock.getZone()));
    }

    /** How long ago, for lists: {@code just now}, {@code 5 min ago}, {@code 3 h ago}, {@code 2 d ago}, else the date. */
    public String ago(Instant at) {
        if (at == null) {
            return "";
        }
        Duration age = Duration.between(at, clock.instant());
        if (age.isNegative() || age.toSeconds() < 60) {
            return "just now";
        }
        if (age.toMinutes() < 60) {
            return age.toMinutes() + " min ago";
        }
        if (age.toHours() < 24) {
            return age.toHours() + " h ago";
        }
        if (age.toDays() < 7) {
            return age.toDays() + " d ago";
        }
        ZonedDateTime local = at.atZone(clock.getZone());
        return DATE.format(LocalDate.from(local));
    }
}
