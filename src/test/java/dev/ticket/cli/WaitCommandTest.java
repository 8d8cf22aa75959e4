package dev.ticket.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ticket.model.Json;
import dev.ticket.model.Role;
import dev.ticket.testing.TestService;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class WaitCommandTest {
    @RegisterExtension
    static final TestService service = TestService.perClass();
    final CliHarness olga = CliHarness.customer(service);
    final CliHarness agent = CliHarness.agent(service);

    /** Runs {@code wait} in the background and acts once it follows the event stream. */
    private static CliHarness.Result waitWhile(CliHarness who, Runnable action, String... args) throws Exception {
        CliHarness.Running waiting = who.start(args);
        waiting.awaitErr("Waiting for news");
        action.run();
        return waiting.result().get();
    }

    @Test
    void wait_prints_the_teams_reply_when_it_arrives_and_exits_0() throws Exception {
        String id = olga.open("Waiting", "Please help");
        CliHarness.Result r = waitWhile(olga, () -> agent.ok("reply", id, "-m", "Here is the fix."),
                "wait", id, "--timeout", "30s");
        assertEquals(0, r.exit(), r.toString());
        assertTrue(r.out().matches("Sam \\(team\\) · [-0-9 :]+\nHere is the fix\\.\n"), r.out());
    }

    @Test
    void wait_ignores_messages_from_its_own_side() throws Exception {
        String id = olga.open("Own side", "one");
        CliHarness.Result r = waitWhile(olga, () -> {
            olga.ok("reply", id, "-m", "two");
            agent.ok("reply", id, "-m", "three");
        }, "wait", id, "--timeout", "30s", "--json");
        assertEquals(0, r.exit(), r.toString());
        JsonNode event = Json.mapper().readTree(r.out());
        assertEquals("message", event.get("kind").asText());
        assertEquals("three", event.get("message").get("body").asText());
    }

    @Test
    void an_agent_waiting_sees_the_customer_close_the_ticket() throws Exception {
        String id = olga.open("Closing soon", "x");
        agent.ok("show", id);
        CliHarness.Result r = waitWhile(agent, () -> olga.ok("close", id), "wait", "#" + id, "--timeout", "30s");
        assertEquals(0, r.exit(), r.toString());
        assertEquals("Ticket #" + id + " (Closing soon) was closed: it is Done.\n", r.out());
    }

    @Test
    void an_answer_already_there_unread_is_printed_at_once_and_marked_read() {
        String id = olga.open("Answered before I looked", "Help");
        agent.ok("reply", id, "-m", "First answer.");
        agent.ok("reply", id, "-m", "Second answer.");
        long start = System.nanoTime();
        CliHarness.Result r = olga.run("wait", id, "--timeout", "60s");
        assertEquals(0, r.exit(), r.toString());
        assertTrue(Duration.ofNanos(System.nanoTime() - start).toSeconds() < 30, "returned at once");
        assertTrue(r.out().matches("(?s)Sam \\(team\\) · [-0-9 :]+\nFirst answer\\.\n\n"
                + "Sam \\(team\\) · [-0-9 :]+\nSecond answer\\.\n"), r.out());
        assertEquals("", r.err(), "no 'Waiting' note: nothing was waited for");
        // what it printed is read now: the next wait in a loop blocks on the next answer
        assertEquals(7, olga.run("wait", id, "--timeout", "1s").exit());
        assertEquals(0, new JsonNodeOf(olga.ok("show", id, "--no-read", "--json")).unread());
    }

    @Test
    void a_loop_of_waits_sees_each_answer_once() throws Exception {
        String id = olga.open("Loop", "Help");
        agent.ok("reply", id, "-m", "one");
        assertEquals("one", Json.mapper().readTree(olga.ok("wait", id, "--json", "--timeout", "30s"))
                .get("message").get("body").asText());
        CliHarness.Result second = waitWhile(olga, () -> agent.ok("reply", id, "-m", "two"),
                "wait", id, "--json", "--timeout", "30s");
        assertEquals("two", Json.mapper().readTree(second.out()).get("message").get("body").asText());
    }

    @Test
    void no_read_leaves_the_answer_unread() {
        String id = olga.open("Peek", "Help");
        agent.ok("reply", id, "-m", "Peeked at.");
        for (int i = 0; i < 2; i++) {
            CliHarness.Result r = olga.run("wait", id, "--no-read", "-q", "--timeout", "30s");
            assertEquals(0, r.exit(), r.toString());
            assertTrue(r.out().strip().matches("[0-9]+"), r.out());
        }
        assertEquals(1, new JsonNodeOf(olga.ok("show", id, "--no-read", "--json")).unread());
    }

    @Test
    void unread_answers_on_a_closed_ticket_come_before_the_close() {
        String id = olga.open("Fixed and closed", "Help");
        agent.ok("reply", id, "-m", "Fixed it.");
        agent.ok("close", id);
        CliHarness.Result r = olga.run("wait", id, "--timeout", "30s");
        assertEquals(0, r.exit(), r.toString());
        assertTrue(r.out().endsWith("Fixed it.\nTicket #" + id + " (Fixed and closed) was closed: it is Done.\n"),
                r.out());
    }

    /** The {@code unread} field of {@code show --json}. */
    private record JsonNodeOf(String json) {
        int unread() {
            try {
                return Json.mapper().readTree(json).get("unread").asInt();
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
    }

    @Test
    void wait_survives_a_dropped_connection_and_still_sees_the_reply() throws Exception {
        String token = service.addUser("Cleo", Role.CUSTOMER, "acme").token();
        String id = new CliHarness(service.url()).token(token).ok("new", "-t", "Flaky network", "-m", "x", "-q")
                .strip();
        try (LoopbackProxy proxy = new LoopbackProxy(service.url(), LoopbackProxy.Sabotage.NONE)) {
            CliHarness viaProxy = new CliHarness(proxy.url()).token(token);
            CliHarness.Running waiting = viaProxy.start("wait", id, "--timeout", "60s");
            waiting.awaitErr("Waiting for news");
            int before = proxy.connections();
            proxy.cutAll();
            agent.ok("reply", id, "-m", "Sent while you were away.");
            CliHarness.Result r = waiting.result().get();
            assertEquals(0, r.exit(), r.toString());
            assertTrue(r.out().contains("Sent while you were away."), r.out());
            assertTrue(proxy.connections() > before, "it reconnected");
        }
    }

    @Test
    void wait_times_out_with_exit_7() {
        String id = olga.open("Nobody answers", "x");
        long start = System.nanoTime();
        CliHarness.Result r = olga.run("wait", id, "--timeout", "1500ms");
        long took = Duration.ofNanos(System.nanoTime() - start).toMillis();
        assertEquals(7, r.exit(), r.toString());
        assertEquals("", r.out());
        assertTrue(r.err().contains("nothing new in #" + id), r.err());
        assertTrue(took >= 1400 && took < 10_000, "took " + took + " ms");
    }

    @Test
    void wait_on_a_missing_ticket_is_exit_4() {
        assertEquals(4, olga.run("wait", "424242", "--timeout", "5s").exit());
    }

    @Test
    void a_bad_timeout_is_a_usage_error() {
        CliHarness.Result r = olga.run("wait", "1", "--timeout", "soon");
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("'soon' is not a duration"), r.err());
    }
}
