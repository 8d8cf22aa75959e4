package dev.ticket.model;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * How long until a ticket awaiting the team is due, in words: "due in 2 h 10 min", "overdue 35 min" (rules.md
 * R9). Counted in the team's working time ({@link Hours}, from {@code GET /api/v1/hours}) for questions and
 * suggestions, in clock time for critical tickets, which may be handled outside business hours. Shared by
 * {@code list}, {@code show} and {@code inbox}.
 */
public final class TimeLeft {
    /** Guards the day walk, as the service's own does: no schedule leaves ten years without a working day. */
    private static final int MAX_DAYS = 3660;

    private TimeLeft() {
    }

    /** The words for {@code ticket} at {@code now}, or null when it awaits nobody on the team (or is Done). */
    public static String of(Ticket ticket, Hours hours, Instant now) {
        if (ticket.isDone() || ticket.awaiting() != Awaiting.TEAM || ticket.dueAt() == null) {
            return null;
        }
        return words(left(ticket.type(), ticket.dueAt(), hours, now));
    }

    /** Time left until {@code dueAt}, negative when past it: working time unless {@code type} is critical. */
    public static Duration left(TicketType type, Instant dueAt, Hours hours, Instant now) {
        if (type == TicketType.CRITICAL || hours == null) {
            return Duration.between(now, dueAt);
        }
        return now.isBefore(dueAt) ? workingTime(hours, now, dueAt) : workingTime(hours, dueAt, now).negated();
    }

    /** "due in 2 h 10 min", "due in 35 min", "overdue 1 h", "due now" (under a minute either way). */
    public static String words(Duration left) {
        long minutes = Math.abs(left.toMinutes());
        if (minutes == 0) {
            return "due now";
        }
        return (left.isNegative() ? "overdue " : "due in ") + span(minutes);
    }

    private static String span(long minutes) {
        long h = minutes / 60;
        long m = minutes % 60;
        if (h == 0) {
            return m + " min";
        }
        return m == 0 ? h + " h" : h + " h " + m + " min";
    }

    /** The team's working time between {@code from} and {@code to} ({@code from} not after {@code to}). */
    public static Duration workingTime(Hours hours, Instant from, Instant to) {
        ZoneId zone = ZoneId.of(hours.zone());
        LocalTime opens = LocalTime.parse(hours.opens());
        LocalTime closes = LocalTime.parse(hours.closes());
        Set<DayOfWeek> workdays = new HashSet<>();
        for (String day : hours.workdays()) {
            for (DayOfWeek d : DayOfWeek.values()) {
                if (d.name().toLowerCase(Locale.ROOT).startsWith(day.toLowerCase(Locale.ROOT))) {
                    workdays.add(d);
                }
            }
        }
        Set<LocalDate> holidays = new HashSet<>();
        hours.holidays().forEach(day -> holidays.add(LocalDate.parse(day)));
        Duration total = Duration.ZERO;
        LocalDate date = from.atZone(zone).toLocalDate();
        LocalDate last = to.atZone(zone).toLocalDate();
        for (int i = 0; i < MAX_DAYS && !date.isAfter(last); i++, date = date.plusDays(1)) {
            if (!workdays.contains(date.getDayOfWeek()) || holidays.contains(date)) {
                continue;
            }
            Instant start = later(ZonedDateTime.of(date, opens, zone).toInstant(), from);
            Instant end = earlier(ZonedDateTime.of(date, closes, zone).toInstant(), to);
            if (start.isBefore(end)) {
                total = total.plus(Duration.between(start, end));
            }
        }
        return total;
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static Instant earlier(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
