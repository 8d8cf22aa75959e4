package dev.ticket.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ticket.model.Json;
import dev.ticket.model.Role;
import dev.ticket.testing.EventReader;
import dev.ticket.testing.MutableClock;
import dev.ticket.testing.TestService;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code ticket assign}/{@code unassign} and the queue views of {@code ticket list} through the real CLI against a
 * real service (SPEC 7.3), with the service's clock and the CLI's fixed: the service opens the tickets on Monday
 * 2 March 2026 at 10:00 in Moscow (the default business hours, 10:00-19:00 Mon-Fri), so a question is due at
 * 19:00 and a critical ticket at 14:00.
 */
class AssignAndQueueViewsTest {
    static final Instant MONDAY_10_MSK = Instant.parse("2026-03-02T07:00:00Z");
    static final MutableClock serviceClock = new MutableClock(MONDAY_10_MSK);
    @RegisterExtension
    static final TestService service = TestService.perClass(UnaryOperator.identity(), serviceClock);
    static CliHarness anna;
    static CliHarness olga;
    static CliHarness sam;
    static CliHarness lena;
    static String question;
    static String critical;
    static String globex;
    static String done;

    @BeforeAll
    static void start() {
        anna = CliHarness.as(service, "Anna", Role.CUSTOMER, "acme");
        olga = CliHarness.as(service, "Olga", Role.CUSTOMER, "globex");
        sam = CliHarness.as(service, "Sam", Role.AGENT, null);
        lena = CliHarness.as(service, "Lena", Role.AGENT, null);
        question = anna.open("Booking link is blank", "Since yesterday");
        critical = anna.open("Payments down", "All fail", "--type", "critical");
        globex = olga.open("Globex question", "How?");
        done = anna.open("Old one", "answered");
        anna.ok("close", done);
    }

    static Clock at(String instant) {
        return Clock.fixed(Instant.parse(instant), ZoneOffset.UTC);
    }

    @Test
    void an_agent_assigns_by_name_or_me_and_show_list_and_json_say_to_whom() throws Exception {
        assertEquals("Assigned #" + question + " to Lena: Booking link is blank\n",
                sam.ok("assign", "#" + question, "--to", "lena"));
        assertTrue(sam.ok("show", question, "--no-read").lines().anyMatch(l -> l.contains("Assignee: Lena")));
        JsonNode json = Json.mapper().readTree(sam.ok("assign", question, "--to", "me", "--json"));
        assertEquals("Sam", json.at("/assignee/name").asText());
        assertEquals(Json.mapper().readTree(sam.ok("whoami", "--json")).get("id").asLong(),
                json.at("/assignee/id").asLong());
        String table = sam.ok("list", "--account", "acme");
        assertTrue(table.lines().findFirst().orElseThrow().contains("ASSIGNEE"), table);
        assertTrue(table.lines().anyMatch(l -> l.contains("#" + question) && l.contains(" Sam ")), table);
        assertEquals("Sam", Json.mapper().readTree(anna.ok("show", question, "--json", "--no-read"))
                .at("/assignee/name").asText(), "the customer sees who has its ticket");

        JsonNode cleared = Json.mapper().readTree(lena.ok("unassign", question, "--json"));
        assertTrue(cleared.get("assignee").isNull(), "the key is there, null: " + cleared);
        assertEquals("#" + question + " is assigned to nobody now: Booking link is blank\n",
                lena.ok("unassign", question));
    }

    @Test
    void an_unknown_or_customer_name_is_exit_2_naming_the_agents() {
        for (String name : List.of("Nobody", "Anna")) {
            CliHarness.Result r = sam.run("assign", question, "--to", name);
            assertEquals(2, r.exit(), r.toString());
            assertEquals(1, r.err().lines().count(), r.err());
            assertTrue(r.err().startsWith("ticket: --to: no agent is named '" + name + "'; the agents are: "),
                    r.err());
            assertTrue(r.err().contains("Lena (") && r.err().contains("Sam ("), r.err());
        }
        assertEquals(2, sam.run("list", "--assignee", "Nobody").exit());
        CliHarness.Result account = sam.run("list", "--account", "nosuch");
        assertEquals(2, account.exit(), "as --assignee: " + account);
        assertEquals(1, account.err().lines().count(), account.err());
        assertTrue(account.err().contains("no account is named 'nosuch'; the accounts are: ")
                && account.err().contains("acme") && account.err().contains("globex"), account.err());
    }

    @Test
    void customers_cannot_assign_their_own_tickets_nor_touch_or_see_another_accounts() throws Exception {
        sam.ok("assign", globex, "--to", "me");
        CliHarness.Result own = anna.run("assign", question, "--to", "Sam");
        assertEquals(3, own.exit(), own.toString());
        assertEquals("ticket: not allowed: Only the support team assigns tickets.\n", own.err());
        assertEquals(3, anna.run("unassign", question).exit());
        assertEquals(3, anna.run("assign", question, "--to", "me").exit());
        for (String[] args : List.of(new String[] {"assign", globex, "--to", "Sam"},
                new String[] {"unassign", globex}, new String[] {"show", globex})) {
            CliHarness.Result other = anna.run(args);
            assertEquals(4, other.exit(), other.toString());
            assertFalse(other.err().contains("Globex") || other.err().contains("Sam"), other.err());
        }
        assertFalse(anna.ok("list", "--json").contains("Globex"), "another account's tickets and assignees");
        for (String flag : List.of("--mine", "--assignee=Sam", "--assignee=none", "--account=globex")) {
            CliHarness.Result r = anna.run("list", flag);
            assertEquals(2, r.exit(), flag + ": " + r);
            assertEquals("ticket: --account, --mine and --assignee are for the support team (agents)\n", r.err());
        }
        assertEquals(200, service.client("Petra", Role.CUSTOMER, "acme").get("/tickets?sort=due").status(),
                "a customer may order its own tickets");
    }

    @Test
    void a_done_ticket_cannot_be_assigned_exit_5() {
        CliHarness.Result r = sam.run("assign", done, "--to", "me");
        assertEquals(5, r.exit(), r.toString());
        assertTrue(r.err().contains("ticket new --ref " + done), r.err());
        assertEquals(5, sam.run("unassign", done).exit());
    }

    @Test
    void an_assignment_is_an_event_on_the_tickets_stream_carrying_the_ticket() {
        try (EventReader events = EventReader.open(service.url(), sam.token(), "ticket=" + critical, Map.of())) {
            lena.ok("assign", critical, "--to", "Lena");
            List<EventReader.Frame> frames = events.until(f -> "assignment".equals(f.event()),
                    Duration.ofSeconds(10));
            EventReader.Frame frame = frames.get(frames.size() - 1);
            assertEquals(Long.parseLong(critical), frame.json().get("ticket_id").asLong());
            assertEquals("Lena", frame.json().at("/ticket/assignee/name").asText());
        } finally {
            lena.ok("unassign", critical);
        }
    }

    @Test
    void queue_views_sort_by_due_or_creation_and_keep_mine_nobodys_or_overdue_tickets() {
        assertEquals(critical + "\n" + question + "\n",
                sam.ok("list", "--account", "acme", "--sort", "due", "-q"), "earliest due first, Done left out");
        assertEquals(done + "\n" + critical + "\n" + question + "\n",
                sam.ok("list", "--account", "acme", "--sort", "created", "-q"));
        lena.ok("assign", question, "--to", "me");
        try {
            assertEquals(question + "\n", lena.ok("list", "--mine", "-q"));
            assertEquals(question + "\n", sam.ok("list", "--assignee", "Lena", "-q"));
            assertEquals(done + "\n" + critical + "\n", sam.ok("list", "--account", "acme", "--assignee", "none",
                    "-q"));
            assertEquals("", sam.ok("list", "--account", "acme", "--overdue", "-q"), "nothing is late at 10:00");
            serviceClock.advance(Duration.ofMinutes(6 * 60 + 50)); // 16:50 in Moscow
            assertEquals(critical + "\n", sam.ok("list", "--account", "acme", "--overdue", "-q"));
        } finally {
            lena.ok("unassign", question);
        }
        CliHarness.Result both = sam.run("list", "--mine", "--assignee", "none");
        assertEquals(2, both.exit());
        assertEquals(2, sam.run("list", "--sort", "due", "-s", "done").exit());
    }

    @Test
    void list_and_show_say_the_time_left_in_business_time_or_clock_time_for_critical_tickets() {
        CliHarness afternoon = new CliHarness(service.url()).token(sam.token()).clock(at("2026-03-02T13:50:00Z"));
        String table = afternoon.ok("list", "--account", "acme", "--sort", "due");
        List<String> lines = table.lines().toList();
        assertTrue(lines.get(0).matches("\\s*ID  STATUS\\s+UNREAD  TYPE\\s+ACCOUNT  ASSIGNEE  TITLE\\s+DUE\\s+"
                + "LAST ACTIVITY"), table);
        assertTrue(lines.get(1).contains("#" + critical) && lines.get(1).contains("overdue 2 h 50 min"), table);
        assertTrue(lines.get(2).contains("#" + question) && lines.get(2).contains("due in 2 h 10 min"), table);
        assertTrue(afternoon.ok("show", question, "--no-read").contains("(due in 2 h 10 min)"));

        // Tuesday 10:35 in Moscow: the night was not working time, so the question is 35 minutes late
        CliHarness tuesday = new CliHarness(service.url()).token(anna.token()).clock(at("2026-03-03T07:35:00Z"));
        assertTrue(tuesday.ok("show", question, "--no-read").contains("(overdue 35 min)"));
        String customers = tuesday.ok("list", "-s", "on-customer");
        assertTrue(customers.lines().anyMatch(l -> l.contains("#" + question) && l.contains("overdue 35 min")),
                customers);
        assertFalse(customers.contains("ASSIGNEE"), "customers' tables are as before, with the due column");
    }
}
