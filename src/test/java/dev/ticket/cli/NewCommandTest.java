package dev.ticket.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ticket.model.Json;
import dev.ticket.model.Role;
import dev.ticket.testing.TestService;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class NewCommandTest {
    @RegisterExtension
    static final TestService service = TestService.perClass();
    final CliHarness olga = CliHarness.customer(service);

    @Test
    void new_with_title_and_message_opens_a_ticket_and_says_its_number() {
        CliHarness.Result r = olga.run("new", "-t", "Booking link opens a blank page", "-m", "Since yesterday.");
        assertEquals(0, r.exit(), r.toString());
        assertTrue(r.out().matches("(?s)Opened ticket #\\d+: Booking link opens a blank page\n.*"), r.out());
        assertEquals("", r.err());
    }

    @Test
    void json_prints_only_the_apis_ticket_document() throws Exception {
        String out = olga.ok("new", "-t", "Channel offline", "-m", "Telegram", "--type", "critical",
                "--about", "Channels", "-l", "telegram", "--json");
        JsonNode ticket = Json.mapper().readTree(out);
        assertEquals("Channel offline", ticket.get("title").asText());
        assertEquals("critical", ticket.get("type").asText());
        assertEquals("on_customer", ticket.get("status").asText());
        assertEquals("acme", ticket.get("account").asText());
        assertEquals("telegram", ticket.get("labels").get(0).asText());
    }

    @Test
    void quiet_prints_the_id_alone() {
        assertTrue(olga.ok("new", "-t", "Quiet", "-m", "body", "-q").matches("\\d+\n"));
    }

    @ParameterizedTest(name = "without {0}")
    @CsvSource({"the title, -m, no title", "the message, -t, No message"})
    void without_a_terminal_a_missing_field_is_exit_2_naming_it(String missing, String given, String value) {
        CliHarness.Result r = olga.run("new", given, value);
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("missing " + missing), r.err());
        assertEquals("", r.out());
    }

    @Test
    void dash_F_dash_reads_the_message_from_standard_input() throws Exception {
        String id = olga.stdin("line one\nстрока два\n").ok("new", "-t", "From stdin", "-F", "-", "-q").strip();
        String out = olga.ok("show", id, "--json");
        assertEquals("line one\nстрока два", Json.mapper().readTree(out).get("messages").get(0).get("body").asText());
    }

    @Test
    void a_pasted_table_keeps_the_leading_space_of_its_first_line() throws Exception {
        String id = olga.stdin("\n ID  STATUS\n 42  open\n\n").ok("new", "-t", "Table", "-F", "-", "-q").strip();
        String out = olga.ok("show", id, "--json");
        assertEquals(" ID  STATUS\n 42  open", Json.mapper().readTree(out).get("messages").get(0).get("body").asText());
        CliHarness.Result blank = olga.stdin(" \n\t\n").run("new", "-t", "Blank", "-F", "-");
        assertEquals(2, blank.exit(), blank.toString());
        assertTrue(blank.err().contains("the message is empty"), blank.err());
    }

    @Test
    void bytes_that_are_not_utf8_are_refused_from_standard_input_as_from_a_file(@TempDir Path dir) throws Exception {
        byte[] latin1 = "caf\u00e9 cr\u00e8me".getBytes(StandardCharsets.ISO_8859_1);
        Path file = Files.write(dir.resolve("latin1.txt"), latin1);
        CliHarness.Result fromFile = olga.run("new", "-t", "Latin-1", "-F", file.toString());
        CliHarness.Result fromStdin = olga.stdin(latin1).run("new", "-t", "Latin-1", "-F", "-");
        assertEquals(2, fromFile.exit(), fromFile.toString());
        assertEquals(2, fromStdin.exit(), fromStdin.toString());
        assertEquals(fromFile.err().replace(file.toString(), "standard input"), fromStdin.err());
        assertTrue(fromStdin.err().startsWith("ticket: cannot read the message from standard input: not UTF-8 text\n"),
                fromStdin.err());
        assertEquals("", fromStdin.out());
    }

    @Test
    void an_unreadable_message_file_is_exit_2() {
        CliHarness.Result r = olga.run("new", "-t", "x", "-F", "/nonexistent/message.txt");
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("cannot read the message from /nonexistent/message.txt"), r.err());
    }

    @Test
    void a_dialog_link_that_is_not_http_is_refused_with_exit_2() {
        CliHarness.Result r = olga.run("new", "-t", "x", "-m", "y", "--dialog", "ftp://example.com/chat");
        assertEquals(2, r.exit(), r.toString());
        assertTrue(r.err().startsWith("ticket: "), r.err());
    }

    @Test
    void an_unknown_type_is_a_usage_error_listing_the_choices() {
        CliHarness.Result r = olga.run("new", "-t", "x", "-m", "y", "--type", "urgent");
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("critical, question, suggestion"), r.err());
    }

    @Test
    void the_same_idempotency_key_twice_opens_one_ticket() {
        CliHarness anna = CliHarness.as(service, "Anna", Role.CUSTOMER, "solo-idem");
        String first = anna.ok("new", "-t", "Once", "-m", "body", "--idempotency-key", "k-1", "-q");
        String second = anna.ok("new", "-t", "Once", "-m", "body", "--idempotency-key", "k-1", "-q");
        assertEquals(first, second);
        assertEquals(first, anna.ok("list", "-q"));
    }

    @Test
    void a_dedupe_key_adds_to_the_open_ticket_and_says_so() throws Exception {
        CliHarness ci = CliHarness.as(service, "CI", Role.CUSTOMER, "solo-dedupe");
        String id = ci.ok("new", "-t", "Nightly failed", "-m", "run 1", "--dedupe-key", "nightly", "-q").strip();
        String again = ci.ok("new", "-t", "Nightly failed", "-m", "run 2", "--dedupe-key", "nightly");
        assertTrue(again.startsWith("Added your message to open ticket #" + id), again);
        JsonNode json = Json.mapper().readTree(
                ci.ok("new", "-t", "Nightly failed", "-m", "run 3", "--dedupe-key", "nightly", "--json"));
        assertTrue(json.get("deduplicated").asBoolean());
        assertEquals(id + "\n", ci.ok("list", "-q"));
    }
}
