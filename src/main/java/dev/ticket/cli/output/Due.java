package dev.ticket.cli.output;

import dev.ticket.model.Hours;
import dev.ticket.model.Ticket;
import dev.ticket.model.TimeLeft;
import dev.ticket.model.time.WorkSchedule;
import java.time.Instant;

/**
 * What the "due in" words of {@code list}, {@code show} and {@code inbox} count with (rules.md R9): the team's
 * working schedule for questions and suggestions, clock time for critical tickets. {@link #CLOCK_ONLY} when every
 * shown ticket awaiting the team is critical: then no hours are needed, and none are asked.
 */
public record Due(WorkSchedule schedule) {
    /** Clock time only: no business hours at hand, none needed. */
    public static final Due CLOCK_ONLY = new Due(null);

    /** Counted in the working time of {@code hours}; null when they cannot be read (an odd service's answer). */
    public static Due businessTime(Hours hours) {
        WorkSchedule schedule = WorkSchedule.orNull(hours);
        return schedule == null ? null : new Due(schedule);
    }

    public boolean clockOnly() {
        return schedule == null;
    }

    /** The words for {@code ticket} at {@code now}, or null when it awaits nobody on the team (or is Done). */
    public String words(Ticket ticket, Instant now) {
        return TimeLeft.of(ticket, schedule, now);
    }
}
