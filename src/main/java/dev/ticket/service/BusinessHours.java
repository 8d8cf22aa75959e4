package dev.ticket.service;

import dev.ticket.model.Hours;
import dev.ticket.model.TicketType;
import dev.ticket.model.time.WorkSchedule;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * The support team's working hours as the server's settings, and the due dates they imply (rules.md R9, R10). The
 * day arithmetic is the model's {@link WorkSchedule}, the same the CLI counts "due in" with.
 */
public record BusinessHours(WorkSchedule schedule) {

    /** Clock time allowed for a critical ticket. */
    public static final Duration CRITICAL_TARGET = Duration.ofHours(4);

    private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");

    public BusinessHours {
        Objects.requireNonNull(schedule, "schedule");
        if (!schedule.opens().isBefore(schedule.closes())) {
            throw new IllegalArgumentException("business hours must open before they close, not "
                    + schedule.opens().format(HH_MM) + "-" + schedule.closes().format(HH_MM) + ".");
        }
        if (schedule.workdays().isEmpty()) {
            throw new IllegalArgumentException("business hours need at least one working day.");
        }
    }

    /** Moscow time, Monday to Friday, 10:00-19:00, no holidays: the defaults of rules.md R9. */
    public static BusinessHours defaults() {
        return new BusinessHours(new WorkSchedule(ZoneId.of("Europe/Moscow"), LocalTime.of(10, 0),
                LocalTime.of(19, 0), EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), Set.of()));
    }

    /**
     * Reads the server settings: {@code zone} an IANA zone id, {@code hours} like {@code 10:00-19:00},
     * {@code workdays} like {@code mon-fri} or {@code mon,tue,wed}, {@code holidays} comma-separated ISO dates.
     * A null or blank argument keeps the default. Bad text throws {@link IllegalArgumentException}
     * with one sentence naming the bad value.
     */
    public static BusinessHours parse(String zone, String hours, String workdays, String holidays) {
        WorkSchedule base = defaults().schedule();
        ZoneId zoneId = BusinessHoursParser.zone(BusinessHoursParser.isBlank(zone) ? base.zone() : zone);
        LocalTime[] openClose = BusinessHoursParser.isBlank(hours)
                ? new LocalTime[] {base.opens(), base.closes()} : BusinessHoursParser.hours(hours);
        Set<DayOfWeek> days = BusinessHoursParser.isBlank(workdays)
                ? base.workdays() : BusinessHoursParser.workdays(workdays);
        Set<LocalDate> off = BusinessHoursParser.holidays(holidays);
        return new BusinessHours(new WorkSchedule(zoneId, openClose[0], openClose[1], days, off));
    }

    /** Working time in one business day: {@code closes - opens} (9 h by default). */
    public Duration businessDay() {
        return schedule.businessDay();
    }

    /** When a ticket of {@code type} created at {@code createdAt} is due (rules.md R9). */
    public Instant dueAt(TicketType type, Instant createdAt) {
        Objects.requireNonNull(createdAt, "createdAt");
        return switch (Objects.requireNonNull(type, "type")) {
            case CRITICAL -> createdAt.plus(CRITICAL_TARGET);
            case QUESTION -> schedule.addWorkingTime(createdAt, businessDay());
            case SUGGESTION -> schedule.addWorkingTime(createdAt, businessDay().multipliedBy(2));
        };
    }

    /** Whether support works at {@code now}, when it next does, and when the current period ends. */
    public Hours hoursAt(Instant now) {
        return schedule.hoursAt(now);
    }
}
