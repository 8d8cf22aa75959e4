package dev.ticket.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ticket.model.Json;
import dev.ticket.model.Role;
import dev.ticket.model.User;
import dev.ticket.testing.MutableClock;
import dev.ticket.testing.TestService;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The agent's inbox at fixed clocks (the service's and the CLI's): the tickets awaiting the team that are theirs or
 * nobody's, earliest due first, with the time left in business time (Europe/Moscow, Mon–Fri 10:00–19:00 by default)
 * for questions and in clock time for critical tickets (rules.md R9).
 */
class InboxDueTest {
    /** Monday 2 March 2026, 12:00 in Moscow. */
    static final MutableClock CLOCK = new MutableClock(Instant.parse("2026-03-02T09:00:00Z"));

    @RegisterExtension
    static final TestService service = TestService.perClass(s -> s, CLOCK);

    @Test
    void an_agent_sees_theirs_and_nobodys_tickets_earliest_due_first_with_business_time_left() throws Exception {
        CliHarness customer = CliHarness.as(service, "Carla", Role.CUSTOMER, "acme").clock(CLOCK);
        User agent = service.addUser("Alex", Role.AGENT, "support");
        User other = service.addUser("Olga", Role.AGENT, "support");
        CliHarness alex = new CliHarness(service.url()).token(agent.token()).clock(CLOCK);

        String early = customer.open("Widget down", "x", "--type", "critical");
        CLOCK.advance(Duration.ofHours(1)); // 13:00 Moscow
        String question = customer.open("How to export", "x");
        String critical = customer.open("Payments fail", "x", "--type", "critical");
        String olgas = customer.open("Olga has it", "x", "--type", "critical");
        String answered = customer.open("Answered", "x", "--type", "critical");
        assign(question, agent);
        assign(olgas, other);
        new CliHarness(service.url()).token(other.token()).ok("reply", answered, "-m", "Done on our side?");
        CLOCK.advance(Duration.ofMinutes(215)); // 16:35 Moscow

        List<String> lines = alex.ok("inbox").lines().toList();
        assertEquals(List.of("#" + early, "#" + critical, "#" + question), ids(lines), lines.toString());
        assertEquals(true, lines.get(1).contains("overdue 35 min"), lines.toString());
        assertEquals(true, lines.get(2).contains("due in 25 min"), lines.toString());
        // 16:35–19:00 today, then 10:00–13:00 tomorrow: one business day after 13:00 is 13:00 tomorrow
        assertEquals(true, lines.get(3).contains("due in 5 h 25 min") && lines.get(3).contains("Alex"),
                lines.toString());

        JsonNode json = Json.mapper().readTree(alex.ok("inbox", "--json", "id,due_at,assignee"));
        assertEquals(List.of(early, critical, question), List.of(json.get(0).get("id").asText(),
                json.get(1).get("id").asText(), json.get(2).get("id").asText()));
        assertEquals(3, json.size(), json.toString());
        assertEquals("Alex", json.get(2).get("assignee").get("name").asText());
        assertEquals(3, json.get(0).size(), "only the fields asked for");
        assertEquals(List.of(early), List.of(alex.ok("inbox", "-q", "-L", "1").strip()));
    }

    private static List<String> ids(List<String> lines) {
        List<String> ids = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            ids.add(line.strip().split("\\s+")[0]);
        }
        return ids;
    }

    private static void assign(String ticket, User agent) {
        service.admin().raw("PUT", "/tickets/" + ticket + "/assignee", "application/json",
                ("{\"user_id\": " + agent.id() + "}").getBytes(StandardCharsets.UTF_8), Map.of()).expect(200);
    }
}
