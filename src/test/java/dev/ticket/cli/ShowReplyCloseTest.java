package dev.ticket.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ticket.model.Json;
import dev.ticket.model.Role;
import dev.ticket.testing.TestService;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ShowReplyCloseTest {
    @RegisterExtension
    static final TestService service = TestService.perClass();
    final CliHarness olga = CliHarness.customer(service);
    final CliHarness agent = CliHarness.agent(service);

    private String open(String title) {
        return olga.open(title, "The Concierge sends a broken link.");
    }

    @Test
    void show_prints_the_ticket_and_its_chat_and_marks_it_read() throws Exception {
        String id = open("Broken link");
        agent.ok("reply", "#" + id, "-m", "Which dialog is it?");
        String out = olga.ok("show", "#" + id);
        assertTrue(out.startsWith("#" + id + "  Broken link\nStatus: On Customer · Type: question · Account: acme\n"),
                out);
        assertTrue(out.matches("(?s).*Olga \\(customer\\) · [-0-9 :]+\nThe Concierge sends a broken link\\.\n\n"
                + "Sam \\(team\\) · [-0-9 :]+\nWhich dialog is it\\?\n"), out);
        assertEquals(0, Json.mapper().readTree(olga.ok("show", id, "--json")).get("unread").asInt());
    }

    @Test
    void show_no_read_leaves_the_unread_count() throws Exception {
        String id = open("Unread stays");
        agent.ok("reply", id, "-m", "Hello");
        olga.ok("show", id, "--no-read");
        JsonNode ticket = Json.mapper().readTree(olga.ok("show", id, "--json", "--no-read"));
        assertEquals(1, ticket.get("unread").asInt());
        assertEquals(2, ticket.get("messages").size());
    }

    @Test
    void on_a_terminal_the_team_stands_left_and_the_customer_right() {
        String id = open("Chat layout");
        agent.ok("reply", id, "-m", "We are on it.");
        List<String> lines = olga.tty(true).env("NO_COLOR", "1").columns(60).ok("show", id).lines().toList();
        olga.tty(false).env("NO_COLOR", null);
        String customerLine = lines.stream().filter(l -> l.contains("The Concierge")).findFirst().orElseThrow();
        String teamLine = lines.stream().filter(l -> l.contains("We are on it.")).findFirst().orElseThrow();
        assertTrue(customerLine.startsWith("        ") && customerLine.length() <= 60, customerLine);
        assertTrue(customerLine.stripLeading().length() + 20 < customerLine.length(), customerLine);
        assertEquals("  We are on it.", teamLine);
        String customerHead = lines.stream().filter(l -> l.endsWith("· Olga")).findFirst().orElseThrow();
        assertEquals(60, customerHead.length(), customerHead);
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("Sam · team · ")), String.join("\n", lines));
    }

    @Test
    void show_of_a_missing_or_foreign_ticket_is_exit_4() {
        String foreign = CliHarness.as(service, "Nina", Role.CUSTOMER, "globex").ok("new", "-t", "x", "-m", "y", "-q");
        CliHarness.Result missing = olga.run("show", "999999");
        CliHarness.Result hidden = olga.run("show", foreign.strip());
        assertEquals(4, missing.exit());
        assertEquals(4, hidden.exit());
        assertEquals(missing.err().replace("999999", "N"), hidden.err().replace(foreign.strip(), "N"));
    }

    @Test
    void reply_adds_a_message_as_json_and_replies_from_agents_show_as_the_teams() throws Exception {
        String id = open("Reply json");
        JsonNode message = Json.mapper().readTree(agent.ok("reply", id, "-m", "Fixed now.", "--json"));
        assertEquals("Fixed now.", message.get("body").asText());
        assertEquals("agent", message.get("author").get("role").asText());
        assertEquals("Replied to #" + id + ".\n", olga.ok("reply", id, "-m", "Thanks!"));
        JsonNode ticket = Json.mapper().readTree(agent.ok("show", id, "--json"));
        assertEquals("team", ticket.get("awaiting").asText());
    }

    @Test
    void reply_and_close_on_a_done_ticket_exit_5_and_suggest_a_new_ticket_with_ref() {
        String id = open("Will be closed");
        assertEquals("Closed #" + id + ": Will be closed (Done).\n", agent.ok("close", id));
        CliHarness.Result reply = olga.run("reply", id, "-m", "One more thing");
        assertEquals(5, reply.exit(), reply.toString());
        assertTrue(reply.err().contains("ticket new --ref " + id), reply.err());
        CliHarness.Result again = olga.run("close", id);
        assertEquals(0, again.exit(), "closing a Done ticket again is not an error: " + again);
        assertEquals("ticket: #" + id + " is already Done; left as it is.\n", again.err());
        assertEquals("", again.out());
        assertTrue(olga.ok("show", id).contains("to follow up: ticket new --ref " + id));
    }

    @Test
    void a_follow_up_ticket_carries_its_ref() throws Exception {
        String old = open("First time");
        olga.ok("close", old);
        String id = olga.open("Again", "It is back", "--ref", "#" + old);
        JsonNode ticket = Json.mapper().readTree(olga.ok("show", id, "--json"));
        assertEquals(Long.parseLong(old), ticket.get("refs").get(0).asLong());
        assertTrue(olga.ok("show", id).contains("Refs: #" + old));
    }

    @Test
    void reply_without_a_message_and_without_a_terminal_is_exit_2() {
        String id = open("No reply text");
        CliHarness.Result r = olga.run("reply", id);
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("missing the message"), r.err());
        CliHarness.Result both = olga.run("reply", id, "-m", "a", "-F", "-");
        assertEquals(2, both.exit());
        assertTrue(both.err().contains("only one of -m, -F and -e"), both.err());
    }
}
