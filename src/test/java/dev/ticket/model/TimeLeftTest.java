package dev.ticket.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.ticket.model.time.WorkSchedule;
import dev.ticket.service.BusinessHours;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The "due in" words and the working time they count, held to the service's own due dates (R9). */
class TimeLeftTest {
    static final BusinessHours MOSCOW = BusinessHours.parse("Europe/Moscow", "10:00-19:00", "mon-fri",
            "2026-03-09");
    /** Monday 2 March 2026, 10:00 in Moscow. */
    static final Instant MONDAY_10 = Instant.parse("2026-03-02T07:00:00Z");

    @Test
    void words_say_hours_and_minutes_left_or_overdue() {
        assertEquals("due in 2 h 10 min", TimeLeft.words(Duration.ofMinutes(130)));
        assertEquals("due in 35 min", TimeLeft.words(Duration.ofMinutes(35).plusSeconds(59)));
        assertEquals("due in 3 h", TimeLeft.words(Duration.ofHours(3)));
        assertEquals("overdue 35 min", TimeLeft.words(Duration.ofMinutes(-35)));
        assertEquals("overdue 1 h 1 min", TimeLeft.words(Duration.ofMinutes(-61)));
        assertEquals("due now", TimeLeft.words(Duration.ofSeconds(-30)));
    }

    @Test
    void questions_count_working_time_and_critical_tickets_clock_time() {
        WorkSchedule hours = WorkSchedule.of(MOSCOW.hoursAt(MONDAY_10));
        Instant due = MOSCOW.dueAt(TicketType.QUESTION, MONDAY_10); // Monday 19:00
        Instant at = MONDAY_10.plus(Duration.ofMinutes(6 * 60 + 50)); // 16:50
        assertEquals("due in 2 h 10 min", TimeLeft.words(TimeLeft.left(TicketType.QUESTION, due, hours, at)));
        // Tuesday 10:35: the night is not working time
        Instant tuesday = MONDAY_10.plus(Duration.ofHours(24)).plus(Duration.ofMinutes(35));
        assertEquals("overdue 35 min", TimeLeft.words(TimeLeft.left(TicketType.QUESTION, due, hours, tuesday)));
        // a critical ticket due at 14:00 is 50 min late at 14:50, business hours or not
        Instant critical = MONDAY_10.plus(BusinessHours.CRITICAL_TARGET);
        assertEquals("overdue 50 min", TimeLeft.words(TimeLeft.left(TicketType.CRITICAL, critical, hours,
                critical.plus(Duration.ofMinutes(50)))));
    }

    @Test
    void a_new_tickets_working_time_left_is_its_whole_target_at_any_moment_on_any_schedule() {
        Random random = new Random(42);
        for (BusinessHours schedule : List.of(MOSCOW, BusinessHours.parse("America/New_York", "09:00-17:30",
                "mon,wed,fri,sun", "2026-03-08"), BusinessHours.parse("Asia/Tokyo", "00:00-23:59", "mon-sun", ""))) {
            WorkSchedule hours = WorkSchedule.of(schedule.hoursAt(MONDAY_10));
            for (int i = 0; i < 500; i++) {
                Instant created = MONDAY_10.plusSeconds(random.nextInt(60 * 24 * 3600));
                for (TicketType type : List.of(TicketType.QUESTION, TicketType.SUGGESTION)) {
                    Instant due = schedule.dueAt(type, created);
                    Duration target = type == TicketType.QUESTION ? schedule.businessDay()
                            : schedule.businessDay().multipliedBy(2);
                    assertEquals(target, TimeLeft.left(type, due, hours, created), type + " opened " + created);
                }
            }
        }
    }

    @Test
    void only_tickets_awaiting_the_team_have_a_time_left() {
        WorkSchedule hours = WorkSchedule.of(MOSCOW.hoursAt(MONDAY_10));
        Ticket waiting = new Ticket(1, "t", Status.ON_CUSTOMER, TicketType.QUESTION, null, null, "a", null,
                MONDAY_10, MONDAY_10, null, MONDAY_10.plus(Duration.ofHours(9)), Awaiting.TEAM, 0, 1, null, null,
                null, null);
        assertEquals("due in 9 h", TimeLeft.of(waiting, hours, MONDAY_10));
        Ticket answered = new Ticket(1, "t", Status.ON_CUSTOMER, TicketType.QUESTION, null, null, "a", null,
                MONDAY_10, MONDAY_10, null, MONDAY_10.plus(Duration.ofHours(9)), Awaiting.CUSTOMER, 0, 1, null,
                null, null, null);
        assertNull(TimeLeft.of(answered, hours, MONDAY_10));
    }
}
