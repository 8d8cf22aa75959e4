package dev.ticket.model.time;

import dev.ticket.model.Hours;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * The support team's working hours as arithmetic (rules.md R9, R10): which local dates are worked, when a day
 * opens and closes in {@code zone}, and the working time between two instants. Not a record of the wire, hence its
 * own package. The service builds it from its settings ({@code service.BusinessHours}); the CLI from the wire
 * form of {@code GET /api/v1/hours}, once per listing ({@link #of(Hours)}). Every walk goes over local dates in
 * the zone, so days of 23 or 25 hours count right.
 *
 * <p>The zone is its id and its {@code rules}, the offsets from UTC: those of {@link ZoneId#of} as a rule, or the
 * same offsets kept by the CLI ({@link #of(Hours, ZoneRules)}), which then counts without the JDK's time-zone
 * database (whose first use reads the program's whole jar directory looking for other providers).
 */
public record WorkSchedule(String zone, ZoneRules rules, LocalTime opens, LocalTime closes,
                           Set<DayOfWeek> workdays, Set<LocalDate> holidays) {

    /** Guards every day walk: no schedule leaves more than ten years without a working day. */
    private static final int MAX_DAYS_SCANNED = 3660;

    public WorkSchedule {
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(rules, "rules");
        Objects.requireNonNull(opens, "opens");
        Objects.requireNonNull(closes, "closes");
        workdays = workdays == null ? Set.of() : Set.copyOf(workdays);
        holidays = holidays == null ? Set.of() : Set.copyOf(holidays);
    }

    /** The schedule in {@code zone}, with the JDK's rules for it. */
    public WorkSchedule(ZoneId zone, LocalTime opens, LocalTime closes, Set<DayOfWeek> workdays,
                        Set<LocalDate> holidays) {
        this(zone.getId(), zone.getRules(), opens, closes, workdays, holidays);
    }

    /** Reads the wire form the service writes ({@link #hoursAt}): zone id, {@code HH:mm}, {@code mon}..., ISO dates. */
    public static WorkSchedule of(Hours hours) {
        return of(hours, ZoneId.of(hours.zone()).getRules());
    }

    /** {@link #of(Hours)} with the offsets of the zone of {@code hours} given, not looked up. */
    public static WorkSchedule of(Hours hours, ZoneRules rules) {
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        for (String name : hours.workdays()) {
            String wanted = name.toUpperCase(Locale.ROOT);
            for (DayOfWeek d : DayOfWeek.values()) {
                if (wanted.length() >= 3 && d.name().startsWith(wanted.substring(0, 3))) {
                    days.add(d);
                }
            }
        }
        Set<LocalDate> holidays = new HashSet<>();
        for (String date : hours.holidays()) {
            holidays.add(LocalDate.parse(date));
        }
        return new WorkSchedule(hours.zone(), rules, LocalTime.parse(hours.opens()), LocalTime.parse(hours.closes()),
                days, holidays);
    }

    /**
     * {@link #of} for the CLI: null when there are no hours or an odd service's answer cannot be read (a zone, time
     * or date that does not parse), so the "due in" words are left out rather than the command failing.
     */
    public static WorkSchedule orNull(Hours hours) {
        return orNull(hours, null);
    }

    /** {@link #orNull(Hours)} with the zone's offsets given ({@link #of(Hours, ZoneRules)}), or looked up when null. */
    public static WorkSchedule orNull(Hours hours, ZoneRules rules) {
        try {
            return hours == null ? null : rules == null ? of(hours) : of(hours, rules);
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
        LocalDate date = dateAt(from);
        LocalDate last = dateAt(to);
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
        LocalDate date = dateAt(start);
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
        LocalDate today = dateAt(now);
        boolean open = isWorkday(today) && !now.isBefore(opensOn(today)) && now.isBefore(closesOn(today));
        return new Hours(zone, opens.format(HhMm.FORMAT), closes.format(HhMm.FORMAT), workdayNames(), holidayNames(),
                open, now, open ? now : nextOpening(now), open ? closesOn(today) : null);
    }

    private Instant nextOpening(Instant after) {
        LocalDate date = dateAt(after);
        for (int i = 0; i < MAX_DAYS_SCANNED; i++, date = date.plusDays(1)) {
            if (isWorkday(date) && opensOn(date).isAfter(after)) {
                return opensOn(date);
            }
        }
        throw noWorkingDay(after);
    }

    private Instant opensOn(LocalDate date) {
        return instantOf(date.atTime(opens));
    }

    private Instant closesOn(LocalDate date) {
        return instantOf(date.atTime(closes));
    }

    /** The local date in the zone at {@code instant}: {@code instant.atZone(zone).toLocalDate()}. */
    private LocalDate dateAt(Instant instant) {
        return LocalDate.ofInstant(instant, rules.getOffset(instant));
    }

    /**
     * {@code local.atZone(zone).toInstant()}, by the rules of {@link java.time.ZonedDateTime#ofLocal}: in an overlap
     * the earlier offset; in a gap the time moved later by the length of the gap, at the offset after it.
     */
    private Instant instantOf(LocalDateTime local) {
        List<ZoneOffset> offsets = rules.getValidOffsets(local);
        if (!offsets.isEmpty()) {
            return local.toInstant(offsets.get(0));
        }
        ZoneOffsetTransition gap = rules.getTransition(local);
        return local.plusSeconds(gap.getDuration().getSeconds()).toInstant(gap.getOffsetAfter());
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

    /** Made on first use: the CLI, which only counts, does not parse a pattern for it. */
    private static final class HhMm {
        static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("HH:mm");
    }

    private static IllegalStateException noWorkingDay(Instant from) {
        return new IllegalStateException("No working day within ten years after " + from + ".");
    }
}
