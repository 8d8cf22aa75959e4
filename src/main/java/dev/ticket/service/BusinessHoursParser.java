package dev.ticket.service;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Turns the text of the business-hours settings into values; every failure is one sentence naming the value. */
final class BusinessHoursParser {
    private static final Pattern HOURS = Pattern.compile("\\s*(\\d{1,2}:\\d{2})\\s*-\\s*(\\d{1,2}:\\d{2})\\s*");
    private static final DateTimeFormatter H_MM = DateTimeFormatter.ofPattern("H:mm");

    private BusinessHoursParser() {
    }

    static boolean isBlank(String text) {
        return text == null || text.isBlank();
    }

    static ZoneId zone(String text) {
        try {
            return ZoneId.of(text.trim());
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("time zone \"" + text
                    + "\" is not known; use an IANA name such as Europe/Moscow.");
        }
    }

    static LocalTime[] hours(String text) {
        Matcher m = HOURS.matcher(text);
        if (!m.matches()) {
            throw badHours(text);
        }
        try {
            LocalTime opens = LocalTime.parse(m.group(1), H_MM);
            LocalTime closes = LocalTime.parse(m.group(2), H_MM);
            if (!opens.isBefore(closes)) {
                throw new IllegalArgumentException("business hours \"" + text.trim()
                        + "\" must open before they close on the same day.");
            }
            return new LocalTime[] {opens, closes};
        } catch (DateTimeParseException e) {
            throw badHours(text);
        }
    }

    static Set<DayOfWeek> workdays(String text) {
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        for (String item : text.split(",")) {
            String part = item.trim();
            if (part.isEmpty()) {
                continue;
            }
            int dash = part.indexOf('-');
            if (dash < 0) {
                days.add(day(part, text));
            } else {
                addRange(days, day(part.substring(0, dash), text), day(part.substring(dash + 1), text));
            }
        }
        if (days.isEmpty()) {
            throw new IllegalArgumentException("workdays \"" + text
                    + "\" name no day of the week; write workdays like mon-fri or mon,tue,wed.");
        }
        return days;
    }

    static Set<LocalDate> holidays(String text) {
        Set<LocalDate> dates = new HashSet<>();
        if (isBlank(text)) {
            return dates;
        }
        for (String item : text.split(",")) {
            String part = item.trim();
            if (part.isEmpty()) {
                continue;
            }
            try {
                dates.add(LocalDate.parse(part));
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("holiday \"" + part
                        + "\" is not an ISO date such as 2025-01-01.");
            }
        }
        return dates;
    }

    /** A range may wrap around the week: {@code fri-mon} is Friday, Saturday, Sunday, Monday. */
    private static void addRange(Set<DayOfWeek> days, DayOfWeek first, DayOfWeek last) {
        for (DayOfWeek d = first; ; d = d.plus(1)) {
            days.add(d);
            if (d == last) {
                return;
            }
        }
    }

    /** Accepts {@code mon}, {@code Monday}, any case. */
    private static DayOfWeek day(String name, String whole) {
        String wanted = name.trim().toUpperCase(Locale.ROOT);
        if (wanted.length() >= 3) {
            for (DayOfWeek d : DayOfWeek.values()) {
                if (d.name().equals(wanted) || d.name().substring(0, 3).equals(wanted)) {
                    return d;
                }
            }
        }
        throw badWorkdays(name.trim(), whole);
    }

    private static IllegalArgumentException badHours(String text) {
        return new IllegalArgumentException("business hours \"" + text.trim()
                + "\" are not valid; write them as HH:MM-HH:MM, e.g. 10:00-19:00.");
    }

    private static IllegalArgumentException badWorkdays(String bad, String whole) {
        String where = bad.equals(whole) ? "" : " in \"" + whole.trim() + "\"";
        return new IllegalArgumentException("workday \"" + bad + "\"" + where
                + " is not a day of the week; write workdays like mon-fri or mon,tue,wed.");
    }
}
