package dev.ticket.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ticket.model.Attachment;
import dev.ticket.model.Json;
import dev.ticket.model.Role;
import dev.ticket.model.Ticket;
import dev.ticket.testing.ApiClient;
import dev.ticket.testing.TestService;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** SPEC 3 and 7.2: {@code ticket close ID...}, and the names files from standard input get. */
class CloseManyAndAttachNamesTest {
    @RegisterExtension
    static final TestService service = TestService.perClass();
    static CliHarness anna;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() {
        anna = CliHarness.as(service, "Anna", Role.CUSTOMER, "acme");
    }

    private static String open(String title) {
        return anna.open(title, "x");
    }

    @Test
    void close_takes_several_ids_and_an_already_done_one_is_a_note_not_a_failure() throws Exception {
        String a = open("One");
        String b = open("Two");
        anna.ok("close", b);
        String c = open("Three");
        CliHarness.Result r = anna.run("close", a, "#" + b, c);
        assertEquals(0, r.exit(), r.toString());
        assertEquals("Closed #" + a + ": One (Done).\nClosed #" + c + ": Three (Done).\n", r.out());
        assertEquals("ticket: #" + b + " is already Done; left as it is.\n", r.err());
    }

    @Test
    void close_exits_with_the_code_of_the_first_id_that_failed_and_still_closes_the_others() {
        String a = open("Four");
        String other = CliHarness.as(service, "Olga", Role.CUSTOMER, "other").ok("new", "-t", "Theirs", "-m", "x",
                "-q").strip();
        CliHarness.Result r = anna.run("close", "999999", a, other);
        assertEquals(4, r.exit(), r.toString());
        assertEquals("Closed #" + a + ": Four (Done).\n", r.out());
        assertEquals(2, r.err().lines().count(), r.err());
        assertTrue(r.err().contains("#999999"), r.err());
        assertTrue(r.err().contains("#" + other), r.err());
    }

    @Test
    void close_json_prints_an_array_of_the_tickets_now_done() throws Exception {
        String a = open("Five");
        String b = open("Six");
        anna.ok("close", b);
        JsonNode done = Json.mapper().readTree(anna.ok("close", a, b, "--json"));
        assertTrue(done.isArray(), done.toString());
        assertEquals(2, done.size());
        assertEquals(Long.parseLong(a), done.get(0).get("id").asLong());
        assertEquals("done", done.get(1).get("status").asText());
        assertTrue(Json.mapper().readTree(anna.ok("close", open("Seven"), "--json")).isArray());
    }

    @Test
    void attach_dash_reads_standard_input_and_names_it_stdin_txt_or_the_given_name() throws Exception {
        String id = open("Logs");
        CliHarness piped = CliHarness.as(service, "Piet", Role.CUSTOMER, "pipes");
        String own = piped.open("Mine", "x");
        CliHarness.Result r = piped.stdin("make: *** [test] Error 1\n").run("attach", own, "-");
        assertEquals(0, r.exit(), r.toString());
        assertTrue(r.out().startsWith("Attached stdin.txt (25 B) to #" + own), r.out());
        piped.stdin("second\n").ok("attach", own, "-", "--name", "build-log.txt");
        List<Attachment> files = attachments(piped, own);
        assertEquals(List.of("stdin.txt", "build-log.txt"), files.stream().map(Attachment::filename).toList());
        assertEquals(List.of(25L, 7L), files.stream().map(Attachment::size).toList());
        assertTrue(id.length() > 0);
    }

    @Test
    void name_names_a_single_file_and_is_refused_for_several() throws Exception {
        String id = open("Named");
        Path log = Files.writeString(dir.resolve("x.log"), "log");
        anna.ok("attach", id, log.toString(), "--name", "renamed.log");
        assertEquals("renamed.log", attachments(anna, id).get(0).filename());
        CliHarness.Result two = anna.run("attach", id, log.toString(), log.toString(), "--name", "n.log");
        assertEquals(2, two.exit(), two.toString());
        assertEquals("ticket: --name names one file; you gave 2\n", two.err());
    }

    private static List<Attachment> attachments(CliHarness who, String id) {
        Ticket t = new ApiClient(service.url(), who.token()).get("/tickets/" + id).expect(200).as(Ticket.class);
        return t.messages().stream().flatMap(m -> m.attachments().stream()).toList();
    }
}
