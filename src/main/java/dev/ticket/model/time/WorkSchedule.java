package dev.ticket.model.time;

import dev.ticket.model.Hours;
import java.time.DateTimeException;
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
import java.util.stream.Collectors;

/**
 * The support team's working hours as arithmetic (rules.md R9, R10): which local dates are worked, when a day
 * opens and closes in {@code zone}, and the working time between two instants. Not a record of the wire, hence its
 * own package. The service builds it from its settings ({@code service.BusinessHours}); the CLI from the wire
 * form of {@code GET /api/v1/hours}, once per listing ({@link #of(Hours)}). Every walk goes over local dates in
 * {@code zone}, so days of 23 or 25 hours count right.
 */
public record WorkSchedule(ZoneId zone, LocalTime opens, LocalTime closes, Set<DayOfWeek> workdays,
                           Set<LocalDate> holidays) {

    /** Guards every day walk: no schedule leaves more than ten years without a working day. */
    private static final int MAX_DAYS_SCANNED = 3660;

    private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");

    public WorkSchedule {
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(opens, "opens");
        Objects.requireNonNull(closes, "closes");
        workdays = workdays == null ? Set.of() : Set.copyOf(workdays);
        holidays = holidays == null ? Set.of() : Set.copyOf(holidays);
    }

    /** Reads the wire form the service writes ({@link #hoursAt}): zone id, {@code HH:mm}, {@code mon}..., ISO dates. */
    public static WorkSchedule of(Hours hours) {
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        for (String name : hours.workdays()) {
            String wanted = name.toUpperCase(Locale.ROOT);
            for (DayOfWeek d : DayOfWeek.values()) {
                if (wanted.length() >= 3 && d.name().startsWith(wanted.substring(0, 3))) {
                    days.add(d);
                }
            }
        }
        return new WorkSchedule(ZoneId.of(hours.zone()), LocalTime.parse(hours.opens()),
                LocalTime.parse(hours.closes()), days,
                hours.holidays().stream().map(LocalDate::parse).collect(Collectors.toSet()));
    }

    /**
     * {@link #of} for the CLI: null when there are no hours or an odd service's answer cannot be read (a zone, time
     * or date that does not parse), so the "due in" words are left out rather than the command failing.
     */
    public static WorkSchedule orNull(Hours hours) {
        try {
            return hours == null ? null : of(hours);
        } catch (DateTimeException | NullPointerException e) {
            return null;
        }
    }

    /** Working time in one business day: {@code closes - opens}. */
    public Duration businessDay() {
        return Duration.between(opens, closes);
    }

    /** True when {@code date} is one of the workdays and not a holiday. */
    public boolean isWorkday(LocalDate date) {
        return workdays.contains(date.getDayOfWeek()) && !holidays.contains(date);
    }

    /** The working time between {@code from} and {@code to} ({@code from} not after {@code to}). */
    public Duration workingTime(Instant from, Instant to) {
        Duration total = Duration.ZERO;
        LocalDate date = from.atZone(zone).toLocalDate();
        LocalDate last = to.atZone(zone).toLocalDate();
        for (int i = 0; i < MAX_DAYS_SCANNED && !date.isAfter(last); i++, date = date.plusDays(1)) {
            if (!isWorkday(date)) {
                continue;
            }
            Instant start = later(opensOn(date), from);
            Instant end = earlier(closesOn(date), to);
            if (start.isBefore(end)) {
                total = total.plus(Duration.between(start, end));
            }
        }
        return total;
    }

    /** The instant at which {@code amount} of working time has passed after {@code start}. */
    public Instant addWorkingTime(Instant start, Duration amount) {
        Duration remaining = amount;
        LocalDate date = start.atZone(zone).toLocalDate();
        for (int i = 0; i < MAX_DAYS_SCANNED; i++, date = date.plusDays(1)) {
            if (!isWorkday(date)) {
                continue;
            }
            Instant from = later(opensOn(date), start);
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

    /** Whether support works at {@code now}, when it next does, and when the current period ends: the wire form. */
    public Hours hoursAt(Instant now) {
        LocalDate today = now.atZone(zone).toLocalDate();
        boolean open = isWorkday(today) && !now.isBefore(opensOn(today)) && now.isBefore(closesOn(today));
        return new Hours(zone.getId(), opens.format(HH_MM), closes.format(HH_MM), workdayNames(), holidayNames(),
                open, now, open ? now : nextOpening(now), open ? closesOn(today) : null);
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

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static Instant earlier(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    private static IllegalStateException noWorkingDay(Instant from) {
        return new IllegalStateException("No working day within ten years after " + from + ".");
    }
}
