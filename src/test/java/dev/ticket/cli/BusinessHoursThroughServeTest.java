package dev.ticket.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ticket.model.Json;
import dev.ticket.model.NewUser;
import dev.ticket.model.Role;
import dev.ticket.model.User;
import dev.ticket.testing.ServeProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Business hours and due dates (R9) through a real {@code ticket serve --zone --hours --workdays --holidays} and the
 * CLI. The service has no clock setting, so the settings make the answers certain: every day works, but today and
 * the next two days (in the service's zone) are holidays, so support next works the day after, at 10:00.
 */
class BusinessHoursThroughServeTest {
    static final ZoneId ZONE = ZoneId.of("Asia/Tokyo");
    static Path dir;
    static ServeProcess serve;
    static CliHarness customer;
    static LocalDate today;

    @BeforeAll
    static void start() throws Exception {
        dir = Files.createTempDirectory("ticket-hours-");
        today = LocalDate.now(ZONE);
        String holidays = today + "," + today.plusDays(1) + "," + today.plusDays(2);
        serve = ServeProcess.start(dir.resolve("data"), "--zone", ZONE.getId(), "--hours", "10:00-19:00",
                "--workdays", "mon-sun", "--holidays", holidays);
        String token = serve.admin().post("/users", new NewUser("Dana", Role.CUSTOMER, "hours")).expect(201)
                .as(User.class).token();
        customer = new CliHarness(serve.url()).token(token);
    }

    @AfterAll
    static void stop() {
        if (serve != null) {
            serve.close();
        }
    }

    /** An instant at a local time of a day, in the service's zone. */
    private static Instant at(LocalDate day, String time) {
        return day.atTime(LocalTime.parse(time)).atZone(ZONE).toInstant();
    }

    @Test
    void hours_says_support_is_off_until_after_the_holidays_and_lists_the_settings() throws Exception {
        List<String> lines = customer.ok("hours").lines().toList();
        String next = DateTimeFormatter.ofPattern("EEE d MMM HH:mm", Locale.ENGLISH)
                .format(at(today.plusDays(3), "10:00").atZone(ZONE));
        assertTrue(lines.get(0).startsWith("Support is not working now; it next works from " + next
                + " (Asia/Tokyo), in "), lines.get(0));
        assertEquals("Business hours: Mon–Sun 10:00–19:00, Asia/Tokyo. Critical tickets may be handled outside them.",
                lines.get(1));
        assertEquals("Holidays: " + today + ", " + today.plusDays(1) + ", " + today.plusDays(2), lines.get(2));

        JsonNode json = Json.mapper().readTree(customer.ok("hours", "--json"));
        assertFalse(json.get("open_now").asBoolean());
        assertEquals(at(today.plusDays(3), "10:00"), Instant.parse(json.get("next_open").asText()));
        assertEquals("Asia/Tokyo", json.get("zone").asText());
    }

    @Test
    void hours_without_a_token_is_exit_3_and_says_hours_need_one_too() {
        CliHarness.Result r = new CliHarness(serve.url()).run("hours");
        assertEquals(3, r.exit(), r.toString());
        assertEquals("ticket: not logged in (profile 'default'): 'ticket hours' needs a token, as every command that "
                + "asks the service does (it answers its users only); run 'ticket login' or set TICKET_TOKEN\n",
                r.err());
        assertEquals("", r.out());
    }

    @Test
    void new_says_by_when_the_team_aims_to_answer_counted_in_working_time() throws Exception {
        // a question: one business day (9 working hours) from the next working minute
        List<String> out = customer.ok("new", "-t", "Due date check", "-m", "When will you answer?").lines().toList();
        String id = out.get(0).replaceAll("Opened ticket #(\\d+): .*", "$1");
        String by = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
                .format(at(today.plusDays(3), "19:00").atZone(ZoneOffset.UTC));
        assertEquals("Type question; the team aims to answer by " + by + ". Follow it with: ticket show " + id,
                out.get(1));

        JsonNode suggestion = Json.mapper().readTree(customer.ok("new", "-t", "An idea", "-m", "Dark mode",
                "--type", "suggestion", "--json"));
        assertEquals(at(today.plusDays(4), "19:00"), Instant.parse(suggestion.get("due_at").asText()),
                "two business days");

        JsonNode critical = Json.mapper().readTree(customer.ok("new", "-t", "Payments down", "-m", "All fail",
                "--type", "critical", "--json"));
        assertEquals(Instant.parse(critical.get("created_at").asText()).plus(Duration.ofHours(4)),
                Instant.parse(critical.get("due_at").asText()), "critical: 4 h of clock time, holidays or not");
    }
}
