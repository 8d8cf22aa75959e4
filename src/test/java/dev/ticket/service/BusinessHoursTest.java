package dev.ticket.service;

import static dev.ticket.model.TicketType.CRITICAL;
import static dev.ticket.model.TicketType.QUESTION;
import static dev.ticket.model.TicketType.SUGGESTION;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ticket.model.Hours;
import dev.ticket.model.TicketType;
import dev.ticket.model.time.WorkSchedule;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Expected instants are worked out by hand and written with their local offset (Moscow is +03:00 all year). */
class BusinessHoursTest {
    private static final BusinessHours MOSCOW = BusinessHours.defaults();
    private static final BusinessHours MOSCOW_MAY = BusinessHours.parse(null, null, null, "2025-05-09");
    private static final BusinessHours MOSCOW_NEW_YEAR = BusinessHours.parse(null, null, null,
            "2025-01-01,2025-01-02,2025-01-03,2025-01-06,2025-01-07,2025-01-08");
    private static final BusinessHours BERLIN = BusinessHours.parse("Europe/Berlin", null, null, null);
    private static final BusinessHours BERLIN_EVERY_DAY = BusinessHours.parse("Europe/Berlin", null, "mon-sun", "");
    private static final BusinessHours HALF_DAYS = BusinessHours.parse(null, "10:00-14:00", null, null);

    record Due(String situation, BusinessHours hours, TicketType type, String created, String expected) {
        @Override
        public String toString() {
            return situation;
        }
    }

    static Stream<Due> dueDates() {
        return Stream.of(
                new Due("question in the middle of a day is due the same time next working day",
                        MOSCOW, QUESTION, "2025-03-11T12:00+03:00", "2025-03-12T12:00+03:00"),
                new Due("question exactly at opening is due at closing the same day",
                        MOSCOW, QUESTION, "2025-03-11T10:00+03:00", "2025-03-11T19:00+03:00"),
                new Due("question exactly at closing counts from next morning",
                        MOSCOW, QUESTION, "2025-03-11T19:00+03:00", "2025-03-12T19:00+03:00"),
                new Due("question a second before closing keeps that second",
                        MOSCOW, QUESTION, "2025-03-11T18:59:59+03:00", "2025-03-12T18:59:59+03:00"),
                new Due("question before hours counts from opening",
                        MOSCOW, QUESTION, "2025-03-11T08:15+03:00", "2025-03-11T19:00+03:00"),
                new Due("question after hours counts from next opening",
                        MOSCOW, QUESTION, "2025-03-11T20:30+03:00", "2025-03-12T19:00+03:00"),
                new Due("question on friday afternoon carries over the weekend",
                        MOSCOW, QUESTION, "2025-03-07T15:00+03:00", "2025-03-10T15:00+03:00"),
                new Due("question on saturday counts from monday opening",
                        MOSCOW, QUESTION, "2025-03-08T11:00+03:00", "2025-03-10T19:00+03:00"),
                new Due("question before a friday holiday skips the holiday and weekend",
                        MOSCOW_MAY, QUESTION, "2025-05-08T15:00+03:00", "2025-05-12T15:00+03:00"),
                new Due("question on a holiday counts from the next working day",
                        MOSCOW_MAY, QUESTION, "2025-05-09T12:00+03:00", "2025-05-12T19:00+03:00"),
                new Due("question before the new year break waits for january ninth",
                        MOSCOW_NEW_YEAR, QUESTION, "2024-12-31T17:00+03:00", "2025-01-09T17:00+03:00"),
                new Due("suggestion takes two business days across a weekend",
                        MOSCOW, SUGGESTION, "2025-03-07T15:00+03:00", "2025-03-11T15:00+03:00"),
                new Due("suggestion exactly at opening is due at closing the next day",
                        MOSCOW, SUGGESTION, "2025-03-11T10:00+03:00", "2025-03-12T19:00+03:00"),
                new Due("critical is four hours of clock time even at night on a weekend",
                        MOSCOW, CRITICAL, "2025-03-07T22:00+03:00", "2025-03-08T02:00+03:00"),
                new Due("business day follows the configured hours",
                        HALF_DAYS, QUESTION, "2025-03-10T12:00+03:00", "2025-03-11T12:00+03:00"),
                new Due("berlin question over the spring change lands at monday local time",
                        BERLIN, QUESTION, "2025-03-28T15:00+01:00", "2025-03-31T15:00+02:00"),
                new Due("berlin suggestion over the autumn change lands at tuesday local time",
                        BERLIN, SUGGESTION, "2025-10-24T17:00+02:00", "2025-10-28T17:00+01:00"),
                new Due("berlin critical across the spring change is four real hours",
                        BERLIN, CRITICAL, "2025-03-29T23:00+01:00", "2025-03-30T04:00+02:00"),
                new Due("berlin critical across the autumn change is four real hours",
                        BERLIN, CRITICAL, "2025-10-25T23:00+02:00", "2025-10-26T02:00+01:00"),
                new Due("berlin working sunday of the spring change keeps local opening hours",
                        BERLIN_EVERY_DAY, QUESTION, "2025-03-29T18:00+01:00", "2025-03-30T18:00+02:00"),
                new Due("berlin working sunday of the autumn change keeps local opening hours",
                        BERLIN_EVERY_DAY, QUESTION, "2025-10-25T18:00+02:00", "2025-10-26T18:00+01:00"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dueDates")
    void due_date_follows_the_response_time_target(Due row) {
        assertEquals(at(row.expected()), row.hours().dueAt(row.type(), at(row.created())));
    }

    record Open(String situation, BusinessHours hours, String now, boolean openNow, String nextOpen,
                String closesAt) {
        @Override
        public String toString() {
            return situation;
        }
    }

    static Stream<Open> openings() {
        return Stream.of(
                new Open("open in the middle of a working day until closing",
                        MOSCOW, "2025-03-11T12:00+03:00", true, "2025-03-11T12:00+03:00", "2025-03-11T19:00+03:00"),
                new Open("open exactly at opening",
                        MOSCOW, "2025-03-11T10:00+03:00", true, "2025-03-11T10:00+03:00", "2025-03-11T19:00+03:00"),
                new Open("closed exactly at closing and opens next morning",
                        MOSCOW, "2025-03-11T19:00+03:00", false, "2025-03-12T10:00+03:00", null),
                new Open("closed a minute before opening and opens the same day",
                        MOSCOW, "2025-03-11T09:59+03:00", false, "2025-03-11T10:00+03:00", null),
                new Open("closed on friday evening and opens on monday",
                        MOSCOW, "2025-03-07T19:30+03:00", false, "2025-03-10T10:00+03:00", null),
                new Open("closed on a holiday and opens after the weekend",
                        MOSCOW_MAY, "2025-05-09T12:00+03:00", false, "2025-05-12T10:00+03:00", null),
                new Open("closed in berlin over the spring change and opens in summer time",
                        BERLIN, "2025-03-28T20:00+01:00", false, "2025-03-31T10:00+02:00", null),
                new Open("open in berlin on the morning after the autumn change",
                        BERLIN, "2025-10-27T11:00+01:00", true, "2025-10-27T11:00+01:00", "2025-10-27T19:00+01:00"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("openings")
    void hours_say_whether_support_works_now_and_when_next(Open row) {
        Hours hours = row.hours().hoursAt(at(row.now()));
        assertEquals(row.openNow(), hours.openNow());
        assertEquals(at(row.now()), hours.now());
        assertEquals(at(row.nextOpen()), hours.nextOpen());
        assertEquals(row.closesAt() == null ? null : at(row.closesAt()), hours.closesAt());
    }

    @Test
    void hours_describe_the_settings_in_wire_form() {
        Hours hours = BusinessHours.parse("Europe/Moscow", "9:30-18:00", "fri,mon-wed", "2025-05-09, 2025-01-01")
                .hoursAt(at("2025-03-11T12:00+03:00"));
        assertEquals("Europe/Moscow", hours.zone());
        assertEquals("09:30", hours.opens());
        assertEquals("18:00", hours.closes());
        assertEquals(List.of("mon", "tue", "wed", "fri"), hours.workdays());
        assertEquals(List.of("2025-01-01", "2025-05-09"), hours.holidays());
    }

    @Test
    void defaults_are_moscow_weekdays_ten_to_seven() {
        BusinessHours expected = new BusinessHours(new WorkSchedule(ZoneId.of("Europe/Moscow"), LocalTime.of(10, 0),
                LocalTime.of(19, 0), EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), Set.of()));
        assertEquals(expected, BusinessHours.defaults());
        assertEquals(expected, BusinessHours.parse(null, " ", "", null));
    }

    record Days(String text, Set<DayOfWeek> expected) {
    }

    static Stream<Days> workdayTexts() {
        return Stream.of(
                new Days("mon-fri", EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY)),
                new Days("mon,tue,wed", EnumSet.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY)),
                new Days(" Sun - Thu ", EnumSet.of(DayOfWeek.SUNDAY, DayOfWeek.MONDAY, DayOfWeek.TUESDAY,
                        DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY)),
                new Days("fri-mon", EnumSet.of(DayOfWeek.FRIDAY, DayOfWeek.SATURDAY, DayOfWeek.SUNDAY,
                        DayOfWeek.MONDAY)),
                new Days("Monday,SATURDAY", EnumSet.of(DayOfWeek.MONDAY, DayOfWeek.SATURDAY)));
    }

    @ParameterizedTest(name = "workdays \"{0}\"")
    @MethodSource("workdayTexts")
    void workdays_accept_ranges_lists_and_full_names(Days row) {
        assertEquals(row.expected(), BusinessHours.parse(null, null, row.text(), null).schedule().workdays());
    }

    record BadSetting(String zone, String hours, String workdays, String holidays, String badValue) {
        @Override
        public String toString() {
            return badValue;
        }
    }

    static Stream<BadSetting> badSettings() {
        return Stream.of(
                new BadSetting("Mars/Olympus", null, null, null, "Mars/Olympus"),
                new BadSetting(null, "10-19", null, null, "10-19"),
                new BadSetting(null, "25:00-26:00", null, null, "25:00-26:00"),
                new BadSetting(null, "19:00-10:00", null, null, "19:00-10:00"),
                new BadSetting(null, "10:00-10:00", null, null, "10:00-10:00"),
                new BadSetting(null, null, "mon-xyz", null, "xyz"),
                new BadSetting(null, null, "weekdays", null, "weekdays"),
                new BadSetting(null, null, " , ", null, " , "),
                new BadSetting(null, null, null, "2025-13-01", "2025-13-01"),
                new BadSetting(null, null, null, "2025-01-01,tomorrow", "tomorrow"));
    }

    @ParameterizedTest(name = "bad setting \"{0}\" is refused")
    @MethodSource("badSettings")
    void bad_settings_are_refused_with_one_sentence_naming_the_value(BadSetting row) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> BusinessHours.parse(row.zone(), row.hours(), row.workdays(), row.holidays()));
        String message = e.getMessage();
        assertTrue(message.contains("\"" + row.badValue()) || message.contains(row.badValue() + "\""), message);
        assertTrue(message.endsWith(".") && !message.contains("\n"), message);
    }

    @Test
    void holidays_are_read_from_iso_dates_with_spaces_and_empty_items() {
        assertEquals(Set.of(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 5, 9)),
                BusinessHours.parse(null, null, null, " 2025-01-01 ,, 2025-05-09 ").schedule().holidays());
    }

    private static Instant at(String offsetDateTime) {
        return OffsetDateTime.parse(offsetDateTime).toInstant();
    }
}
