package dev.ticket.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ticket.model.Json;
import dev.ticket.model.Role;
import dev.ticket.testing.TestService;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** SPEC 7.3: {@code --json [FIELDS]} and {@code --jq EXPR}, through the CLI against a real service. */
class JsonFieldsAndJqTest {
    @RegisterExtension
    static final TestService service = TestService.perClass();
    static CliHarness anna;
    static String first;
    static String second;

    @BeforeAll
    static void start() {
        anna = CliHarness.as(service, "Anna", Role.CUSTOMER, "acme");
        first = anna.open("Booking link is blank", "since yesterday");
        second = anna.open("Invoice twice", "charged twice");
    }

    private static JsonNode json(String text) throws Exception {
        return Json.mapper().readTree(text);
    }

    private static List<String> names(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    @Test
    void a_field_list_keeps_only_those_fields_of_each_element() throws Exception {
        JsonNode list = json(anna.ok("list", "--json", "id,title,due_at"));
        assertEquals(2, list.size(), list.toString());
        for (JsonNode ticket : list) {
            assertEquals(List.of("id", "title", "due_at"), names(ticket), ticket.toString());
        }
        assertEquals("Invoice twice", list.get(0).get("title").asText());
    }

    @Test
    void nested_fields_are_kept_whole_and_the_equals_form_works() throws Exception {
        JsonNode ticket = json(anna.ok("show", first, "--json=author,id"));
        assertEquals(List.of("id", "author"), names(ticket));
        assertEquals("Anna", ticket.get("author").get("name").asText());
        assertTrue(ticket.get("author").has("id"), ticket.toString());
    }

    @Test
    void a_word_that_names_no_field_is_not_taken() throws Exception {
        JsonNode whole = json(anna.ok("show", "--json", first));
        assertEquals(Long.parseLong(first), whole.get("id").asLong());
        assertTrue(whole.has("messages") && whole.has("title"), whole.toString());
    }

    @Test
    void a_name_or_a_command_after_json_stays_what_it_was() throws Exception {
        CliHarness admin = new CliHarness(service.url()).token(service.adminToken());
        JsonNode bob = json(admin.ok("admin", "user", "add", "--json", "bob", "--role", "agent"));
        assertEquals("bob", bob.get("name").asText());
        assertTrue(bob.has("token"), bob.toString());
        assertEquals(2, json(anna.ok("--json", "list")).size(), "a global --json before the command");
        assertEquals(List.of("id"), names(json(anna.ok("--json", "list", "--json", "id")).get(0)));
    }

    @Test
    void an_unknown_field_in_a_list_is_exit_2_naming_the_fields() {
        CliHarness.Result result = anna.run("list", "--json", "id,titel");
        assertEquals(2, result.exit(), result.toString());
        assertEquals("", result.out());
        assertTrue(result.err().contains("unknown JSON field titel"), result.err());
        assertTrue(result.err().contains("available fields: id, title, status"), result.err());
        assertFalse(result.err().contains("messages"), "a listed ticket has no chat: " + result.err());
        CliHarness.Result chat = anna.run("list", "--json", "messages");
        assertEquals(2, chat.exit(), "list items never carry messages: " + chat);
    }

    @Test
    void show_and_the_other_ticket_commands_list_only_the_fields_they_print() {
        CliHarness.Result show = anna.run("show", "--json=42");
        assertEquals(2, show.exit(), show.toString());
        assertTrue(show.err().contains("available fields: id, title, status"), show.err());
        assertTrue(show.err().contains("messages"), "show prints the chat: " + show.err());
        assertFalse(show.err().contains("deduplicated"), "only new merges into a ticket: " + show.err());
        for (String command : List.of("close", "assign", "unassign")) {
            CliHarness.Result r = anna.run(command, first, "--json=nosuch");
            assertEquals(2, r.exit(), r.toString());
            assertFalse(r.err().contains("deduplicated"), command + ": " + r.err());
        }
        CliHarness.Result created = anna.run("new", "-t", "x", "-m", "y", "--json=nosuch");
        assertEquals(2, created.exit(), created.toString());
        assertTrue(created.err().contains("deduplicated"), "new may merge: " + created.err());
    }

    @Test
    void jq_prints_strings_raw_one_a_line_and_other_values_compact() {
        assertEquals("Invoice twice\nBooking link is blank\n", anna.ok("list", "--jq", ".[].title"));
        assertEquals("{\"id\":" + first + ",\"n\":1}\n",
                anna.ok("show", first, "--jq", "{id, n: (.messages | length)}"));
        assertEquals("2\n", anna.ok("list", "--json", "id", "--jq", "map(.title) | length"));
        assertEquals("[\"id\"]\n", anna.ok("list", "--json", "id", "--jq", ".[0] | keys"));
    }

    @Test
    void a_bad_jq_expression_is_exit_2_in_one_line_and_nothing_is_sent() {
        CliHarness.Result result = anna.run("reply", first, "-m", "must not be sent", "--jq", ".[");
        assertEquals(2, result.exit(), result.toString());
        assertEquals(1, result.err().lines().filter(l -> l.startsWith("ticket:")).count(), result.err());
        assertTrue(result.err().contains("jq"), result.err());
        assertTrue(!anna.ok("show", first).contains("must not be sent"), "the reply was not sent");
    }

    @Test
    void other_json_commands_take_fields_too() throws Exception {
        assertEquals(List.of("name", "role"), names(json(anna.ok("whoami", "--json", "name,role"))));
        assertEquals("Anna\n", anna.ok("whoami", "--jq", ".name"));
    }
}
