package dev.ticket.model;

import dev.ticket.model.time.WorkSchedule;
import java.time.Duration;
import java.time.Instant;

/**
 * How long until a ticket awaiting the team is due, in words: "due in 2 h 10 min", "overdue 35 min" (rules.md
 * R9). Counted in the team's working time ({@link WorkSchedule}, built once per listing from {@code GET
 * /api/v1/hours}) for questions and suggestions, in clock time for critical tickets, which may be handled outside
 * business hours. Shared by {@code list}, {@code show} and {@code inbox}.
 */
public final class TimeLeft {
    private TimeLeft() {
    }

    /** The words for {@code ticket} at {@code now}, or null when it awaits nobody on the team (or is Done). */
    public static String of(Ticket ticket, WorkSchedule schedule, Instant now) {
        if (ticket.isDone() || ticket.awaiting() != Awaiting.TEAM || ticket.dueAt() == null) {
            return null;
        }
        return words(left(ticket.type(), ticket.dueAt(), schedule, now));
    }

    /**
     * Time left until {@code dueAt}, negative when past it: working time unless {@code type} is critical (or no
     * schedule is known).
     */
    public static Duration left(TicketType type, Instant dueAt, WorkSchedule schedule, Instant now) {
        if (type == TicketType.CRITICAL || schedule == null) {
            return Duration.between(now, dueAt);
        }
        return now.isBefore(dueAt) ? schedule.workingTime(now, dueAt) : schedule.workingTime(dueAt, now).negated();
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
}
