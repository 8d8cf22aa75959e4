package dev.ticket.model.time;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.ticket.model.Hours;
import dev.ticket.service.BusinessHours;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The schedule the CLI reads from {@code GET /hours} is the one the service counts with. */
class WorkScheduleTest {
    private static final Instant MONDAY_10 = Instant.parse("2026-03-02T07:00:00Z");

    @Test
    void the_wire_form_of_the_hours_reads_back_as_the_services_own_schedule() {
        for (BusinessHours settings : List.of(BusinessHours.defaults(),
                BusinessHours.parse("America/New_York", "9:05-17:30", "sun,mon,wed-fri", "2026-03-08,2026-12-25"),
                BusinessHours.parse("Asia/Tokyo", "00:00-23:59", "mon-sun", ""))) {
            assertEquals(settings.schedule(), WorkSchedule.of(settings.hoursAt(MONDAY_10)));
        }
    }

    @Test
    void working_time_skips_nights_weekends_and_holidays() {
        WorkSchedule moscow = BusinessHours.parse(null, null, null, "2026-03-09").schedule();
        // Friday 6 March 18:00 to Tuesday 10 March 11:00 Moscow: 1 h on Friday, Monday a holiday, 1 h on Tuesday
        assertEquals(Duration.ofHours(2), moscow.workingTime(Instant.parse("2026-03-06T15:00:00Z"),
                Instant.parse("2026-03-10T08:00:00Z")));
    }

    @Test
    void hours_an_odd_service_sends_that_do_not_parse_read_as_no_schedule() {
        assertNull(WorkSchedule.orNull(new Hours("Mars/Olympus", "10:00", "19:00", List.of("mon"), List.of(),
                false, null, null, null)));
        assertNull(WorkSchedule.orNull(new Hours("UTC", "10:00", "19:00", List.of("mon"), List.of("2026-12-31 A"),
                false, null, null, null)));
        assertNull(WorkSchedule.orNull(null));
    }

    @Test
    void a_schedule_without_workdays_has_no_working_time_and_does_not_loop() {
        WorkSchedule none = WorkSchedule.of(new Hours("UTC", "00:00", "23:59", List.of(), List.of(), false, null,
                null, null));
        assertEquals(Duration.ZERO, none.workingTime(MONDAY_10, MONDAY_10.plus(Duration.ofDays(30))));
    }
}
