package dev.ticket.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ticket.model.Json;
import dev.ticket.model.Role;
import dev.ticket.model.Ticket;
import dev.ticket.testing.ApiClient;
import dev.ticket.testing.HostileService;
import dev.ticket.testing.TestService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * SPEC 7.2 at the terminal's edge: text the CLI sends is cleaned (a coloured CI log goes through), and text a
 * service sends is shown inert (caret notation, bidi controls as {@code <U+202E>}), except with --json.
 */
class TerminalTextEdgeTest {
    /** The human form of {@link HostileService#EVIL} on one line. */
    static final String SHOWN = "A^[[2J^[]0;pwned^GB^[31mC<U+202E>D^EE^MF";

    @RegisterExtension
    static final TestService service = TestService.perClass();
    static HostileService hostile;

    @BeforeAll
    static void start() {
        hostile = HostileService.start();
    }

    @AfterAll
    static void stop() {
        hostile.close();
    }

    @Test
    void a_coloured_ci_log_on_standard_input_is_sent_clean() {
        String log = "\u001b[1m> make test\u001b[0m\r\n\u001b[32mok\u001b[0m   test_a\r\n"
                + "\u001b[31mFAIL\u001b[0m test_b\tline 3\r\n\u001b]8;;file:///x\u001b\\link\u001b]8;;\u001b\\\r\n"
                + "\u001b[2K\u001b[1Gdone 100%\u0007\n";
        CliHarness anna = CliHarness.as(service, "Anna", Role.CUSTOMER, "acme").stdin(log);
        CliHarness.Result r = anna.run("new", "-t", "\u001b[31mCI failure\u001b[0m", "-F", "-", "-q");
        assertEquals(0, r.exit(), r.toString());
        Ticket t = new ApiClient(service.url(), anna.token()).get("/tickets/" + r.out().strip()).expect(200)
                .as(Ticket.class);
        assertEquals("CI failure", t.title());
        assertEquals("> make test\nok   test_a\nFAIL test_b\tline 3\nlink\ndone 100%", t.messages().get(0).body());
    }

    @Test
    void a_reply_and_an_attach_message_are_sent_clean_too() {
        CliHarness anna = CliHarness.as(service, "Anya", Role.CUSTOMER, "acme");
        String id = anna.open("Clean", "first");
        anna.ok("reply", id, "-m", "one\r\ntwo \u001b[1mbold\u001b[0m\u0000");
        Ticket t = new ApiClient(service.url(), anna.token()).get("/tickets/" + id).expect(200).as(Ticket.class);
        assertEquals("one\ntwo bold", t.messages().get(1).body());
    }

    @Test
    void show_prints_a_hostile_services_text_in_caret_notation() {
        CliHarness eve = new CliHarness(hostile.url()).token("t");
        CliHarness.Result r = eve.run("show", "1");
        assertEquals(0, r.exit(), r.toString());
        assertInert(r.out());
        assertTrue(r.out().contains("#1  Title " + SHOWN), r.out());
        assertTrue(r.out().contains("About: about " + SHOWN), r.out());
        assertTrue(r.out().contains("body " + SHOWN + "\nsecond line"), r.out());
        assertTrue(r.out().contains("shot " + SHOWN + ".png"), r.out());
        assertTrue(r.out().contains("Eve " + SHOWN), r.out());
    }

    @Test
    void the_chat_layout_on_a_terminal_is_inert_too() {
        CliHarness eve = new CliHarness(hostile.url()).token("t").tty(true).env("NO_COLOR", "1").columns(200);
        CliHarness.Result r = eve.run("show", "1", "--no-read");
        assertEquals(0, r.exit(), r.toString());
        assertInert(r.out());
        assertTrue(r.out().contains(SHOWN), r.out());
    }

    @Test
    void list_whoami_and_hours_print_it_in_caret_notation() {
        CliHarness eve = new CliHarness(hostile.url()).token("t");
        for (String command : new String[] {"list", "whoami", "hours"}) {
            CliHarness.Result r = eve.run(command);
            assertEquals(0, r.exit(), command + ": " + r);
            assertInert(r.out());
            assertTrue(r.out().contains(SHOWN), command + ": " + r.out());
        }
    }

    @Test
    void an_error_detail_from_the_service_is_one_inert_line() {
        CliHarness eve = new CliHarness(hostile.url()).token("t");
        CliHarness.Result r = eve.run("show", "2");
        assertEquals(4, r.exit(), r.toString());
        assertEquals("ticket: Ticket " + SHOWN + " was not found.\n", r.err());
    }

    @Test
    void json_keeps_the_exact_text() throws Exception {
        CliHarness eve = new CliHarness(hostile.url()).token("t");
        JsonNode ticket = Json.mapper().readTree(eve.ok("show", "1", "--json"));
        assertEquals("Title " + HostileService.EVIL, ticket.get("title").asText());
        assertEquals("body " + HostileService.EVIL + "\nsecond line",
                ticket.get("messages").get(0).get("body").asText());
    }

    /** No control character but newline, no bidi control: nothing a terminal would act on. */
    static void assertInert(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean control = c != '\n' && (c < 0x20 || (c >= 0x7f && c < 0xa0));
            boolean bidi = (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);
            assertTrue(!control && !bidi, String.format("U+%04X at %d in:%n%s", (int) c, i, text));
        }
    }
}
