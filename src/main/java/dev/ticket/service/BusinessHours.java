package dev.ticket.service;

import dev.ticket.model.Hours;
import dev.ticket.model.TicketType;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * The support team's working hours in one time zone, and the due dates they imply (rules.md R9, R10).
 * All arithmetic walks local dates in {@code zone}, so days of 23 or 25 hours are handled.
 */
public record BusinessHours(ZoneId zone, LocalTime opens, LocalTime closes, Set<DayOfWeek> workdays,
                            Set<LocalDate> holidays) {

    /** Clock time allowed for a critical ticket. */
    public static final Duration CRITICAL_TARGET = Duration.ofHours(4);

    /** Guards the day walk: no schedule leaves more than ten years without a working day. */
    private static final int MAX_DAYS_SCANNED = 3660;

    private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");

    public BusinessHours {
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(opens, "opens");
        Objects.requireNonNull(closes, "closes");
        if (!opens.isBefore(closes)) {
            throw new IllegalArgumentException("Business hours must open before they close, not "
                    + opens.format(HH_MM) + "-" + closes.format(HH_MM) + ".");
        }
        if (workdays == null || workdays.isEmpty()) {
            throw new IllegalArgumentException("Business hours need at least one working day.");
        }
        workdays = Set.copyOf(workdays);
        holidays = holidays == null ? Set.of() : Set.copyOf(holidays);
    }

    /** Moscow time, Monday to Friday, 10:00-19:00, no holidays: the defaults of rules.md R9. */
    public static BusinessHours defaults() {
        return new BusinessHours(ZoneId.of("Europe/Moscow"), LocalTime.of(10, 0), LocalTime.of(19, 0),
                EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), Set.of());
    }

    /**
     * Reads the server settings: {@code zone} an IANA zone id, {@code hours} like {@code 10:00-19:00},
     * {@code workdays} like {@code mon-fri} or {@code mon,tue,wed}, {@code holidays} comma-separated ISO dates.
     * A null or blank argument keeps the default. Bad text throws {@link IllegalArgumentException}
     * with one sentence naming the bad value.
     */
    public static BusinessHours parse(String zone, String hours, String workdays, String holidays) {
        BusinessHours base = defaults();
        ZoneId zoneId = BusinessHoursParser.isBlank(zone) ? base.zone() : BusinessHoursParser.zone(zone);
        LocalTime[] openClose = BusinessHoursParser.isBlank(hours)
                ? new LocalTime[] {base.opens(), base.closes()} : BusinessHoursParser.hours(hours);
        Set<DayOfWeek> days = BusinessHoursParser.isBlank(workdays)
                ? base.workdays() : BusinessHoursParser.workdays(workdays);
        Set<LocalDate> off = BusinessHoursParser.holidays(holidays);
        return new BusinessHours(zoneId, openClose[0], openClose[1], days, off);
    }

    /** Working time in one business day: {@code closes - opens} (9 h by default). */
    public Duration businessDay() {
        return Duration.between(opens, closes);
    }

    /** When a ticket of {@code type} created at {@code createdAt} is due (rules.md R9). */
    public Instant dueAt(TicketType type, Instant createdAt) {
        Objects.requireNonNull(createdAt, "createdAt");
        return switch (Objects.requireNonNull(type, "type")) {
            case CRITICAL -> createdAt.plus(CRITICAL_TARGET);
            case QUESTION -> addWorkingTime(createdAt, businessDay());
            case SUGGESTION -> addWorkingTime(createdAt, businessDay().multipliedBy(2));
        };
    }

    /** The instant at which {@code amount} of working time has passed after {@code start}. */
    public Instant addWorkingTime(Instant start, Duration amount) {
        Duration remaining = amount;
        LocalDate date = start.atZone(zone).toLocalDate();
        for (int i = 0; i < MAX_DAYS_SCANNED; i++, date = date.plusDays(1)) {
            if (!isWorkday(date)) {
                continue;
            }
            Instant from = max(opensOn(date), start);
            Instant until = closesOn(date);
            if (!from.isBefore(until)) {
                continue;
            }
            Duration available = Duration.between(from, until);
            if (remaining.compareTo(available) <= 0) {
                return from.plus(remaining);
            }
            remaining = remaining.minus(available);
        }
        throw noWorkingDay(start);
    }

    /** Whether support works at {@code now}, when it next does, and when the current period ends. */
    public Hours hoursAt(Instant now) {
        LocalDate today = now.atZone(zone).toLocalDate();
        boolean open = isWorkday(today) && !now.isBefore(opensOn(today)) && now.isBefore(closesOn(today));
        return new Hours(zone.getId(), opens.format(HH_MM), closes.format(HH_MM), workdayNames(), holidayNames(),
                open, now, open ? now : nextOpening(now), open ? closesOn(today) : null);
    }

    /** True when {@code date} is one of the workdays and not a holiday. */
    public boolean isWorkday(LocalDate date) {
        return workdays.contains(date.getDayOfWeek()) && !holidays.contains(date);
    }

    private Instant nextOpening(Instant after) {
        LocalDate date = after.atZone(zone).toLocalDate();
        for (int i = 0; i < MAX_DAYS_SCANNED; i++, date = date.plusDays(1)) {
            if (isWorkday(date) && opensOn(date).isAfter(after)) {
                return opensOn(date);
            }
        }
        throw noWorkingDay(after);
    }

    private Instant opensOn(LocalDate date) {
        return date.atTime(opens).atZone(zone).toInstant();
    }

    private Instant closesOn(LocalDate date) {
        return date.atTime(closes).atZone(zone).toInstant();
    }

    private List<String> workdayNames() {
        return new TreeSet<>(workdays).stream()
                .map(d -> d.name().substring(0, 3).toLowerCase(Locale.ROOT))
                .toList();
    }

    private List<String> holidayNames() {
        return new TreeSet<>(holidays).stream().map(LocalDate::toString).toList();
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static IllegalStateException noWorkingDay(Instant from) {
        return new IllegalStateException("No working day within ten years after " + from + ".");
    }
}
