package dev.ticket.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import dev.ticket.model.NewMessage;
import dev.ticket.model.NewTicket;
import dev.ticket.model.Role;
import dev.ticket.model.Ticket;
import dev.ticket.testing.ApiClient;
import dev.ticket.testing.TestService;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * SPEC 7.2: a failed write to standard output, a URL that is no ticket service, and a refusal naming an API
 * field, each as a user meets them.
 */
class OutputAndServerErrorsTest {
    @RegisterExtension
    static final TestService service = TestService.perClass();
    static String token;
    static long bigTicket;

    @BeforeAll
    static void start() {
        token = service.addUser("Anna", Role.CUSTOMER, "acme").token();
        ApiClient api = new ApiClient(service.url(), token);
        bigTicket = api.post("/tickets", new NewTicket("Big", "line\n".repeat(19_000), null, null, null, List.of(),
                List.of(), null)).expect(201).as(Ticket.class).id();
        api.post("/tickets/" + bigTicket + "/messages", new NewMessage("more\n".repeat(19_000))).expect(201);
    }

    /** bash -c script, with the real {@code ticket} (this build's classes) as $TICKET; exit code and stderr. */
    record Shell(int exit, String out, String err) {
    }

    static Shell bash(String script) throws IOException, InterruptedException {
        String ticket = Path.of(System.getProperty("java.home"), "bin", "java") + " -cp '"
                + System.getProperty("java.class.path") + "' dev.ticket.Main";
        Path err = Files.createTempFile("ticket-stderr-", ".txt");
        try {
            ProcessBuilder builder = new ProcessBuilder("bash", "-c", script).redirectError(err.toFile());
            builder.environment().put("TICKET", ticket);
            builder.environment().put("TICKET_SERVER", service.url());
            builder.environment().put("TICKET_TOKEN", token);
            builder.environment().put("XDG_CONFIG_HOME", err.getParent().resolve("no-such-config").toString());
            Process bash = builder.start();
            bash.getOutputStream().close();
            String out = new String(bash.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(bash.waitFor(60, TimeUnit.SECONDS), "bash did not finish");
            return new Shell(bash.exitValue(), out, Files.readString(err));
        } finally {
            Files.deleteIfExists(err);
        }
    }

    @Test
    void a_full_disk_on_standard_output_is_exit_1_with_one_line() throws Exception {
        Shell list = bash("$TICKET list > /dev/full");
        assertEquals(1, list.exit(), list.toString());
        assertEquals("ticket: cannot write to standard output (No space left on device)\n", list.err());
        Shell show = bash("$TICKET show " + bigTicket + " --no-read > /dev/full");
        assertEquals(1, show.exit(), show.toString());
        assertEquals(1, show.err().lines().count(), show.err());
        Shell help = bash("$TICKET new --help > /dev/full"); // written by picocli, not by a command
        assertEquals(1, help.exit(), help.toString());
        assertEquals("ticket: cannot write to standard output (No space left on device)\n", help.err());
    }

    @Test
    void a_reader_that_closes_the_pipe_ends_it_quietly() throws Exception {
        // 190 KB of transcript: far more than a pipe holds, so ticket is still writing when head has gone
        Shell show = bash("set -o pipefail; $TICKET show " + bigTicket + " --no-read | head -n 1; "
                + "echo \"status ${PIPESTATUS[0]}\"");
        assertEquals("#" + bigTicket + "  Big\nstatus 0\n", show.out(), show.toString());
        assertEquals("", show.err());
        Shell json = bash("$TICKET show " + bigTicket + " --json | head -c 10 >/dev/null; echo \"${PIPESTATUS[0]}\"");
        assertEquals("0\n", json.out(), json.toString());
        assertEquals("", json.err());
    }

    @Test
    void a_url_that_is_not_a_ticket_service_is_exit_6_saying_so() throws Exception {
        everyCommandSaysNotATicketService(exchange -> {
            byte[] page = "<html><body><h1>Not Found</h1></body></html>".getBytes(StandardCharsets.UTF_8);
            // as python3 -m http.server answers: a page for GET, 501 for a POST it does not implement
            int status = exchange.getRequestMethod().equals("POST") ? 501
                    : exchange.getRequestURI().getPath().startsWith("/api/v1/me") ? 200 : 404;
            exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(status, page.length);
            exchange.getResponseBody().write(page);
            exchange.close();
        });
    }

    @Test
    void a_json_api_that_is_not_a_ticket_service_is_exit_6_saying_so() throws Exception {
        // some other JSON API: 200 with a JSON document that is none of the ticket API's answers
        everyCommandSaysNotATicketService(exchange -> {
            exchange.getRequestBody().readAllBytes();
            byte[] body = "{\"ok\":true}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
    }

    /** Each command against a server that answers as {@code handler} does: exit 6, one line naming the URL. */
    private static void everyCommandSaysNotATicketService(com.sun.net.httpserver.HttpHandler handler)
            throws Exception {
        HttpServer web = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        web.createContext("/", handler);
        web.start();
        try {
            String url = "http://127.0.0.1:" + web.getAddress().getPort();
            CliHarness anna = new CliHarness(url).token("t");
            for (String[] args : new String[][] {{"list"}, {"show", "5"}, {"whoami"}, {"close", "5"},
                    {"new", "-t", "Broken", "-m", "It broke."}, {"reply", "5", "-m", "More."}}) {
                CliHarness.Result r = anna.run(args);
                assertEquals(6, r.exit(), String.join(" ", args) + ": " + r);
                assertTrue(r.err().startsWith("ticket: " + url + " is not a ticket service ("), r.err());
                assertEquals(1, r.err().lines().count(), r.err());
            }
        } finally {
            web.stop(0);
        }
    }

    @Test
    void a_ticket_that_is_not_there_on_a_real_service_stays_exit_4() {
        CliHarness anna = new CliHarness(service.url()).token(token);
        CliHarness.Result r = anna.run("show", "999999");
        assertEquals(4, r.exit(), r.toString());
        assertFalse(r.err().contains("not a ticket service"), r.err());
    }

    @Test
    void a_refused_field_is_named_by_the_flag_the_user_typed() {
        CliHarness anna = new CliHarness(service.url()).token(token);
        CliHarness.Result dialog = anna.run("new", "-t", "Bad link", "-m", "x", "--dialog", "not a link");
        assertEquals(2, dialog.exit(), dialog.toString());
        assertEquals("ticket: --dialog must be an http or https link to the dialog.\n", dialog.err());
        CliHarness.Result about = anna.run("new", "-t", "Long", "-m", "x", "--about", "a".repeat(500));
        assertEquals(2, about.exit(), about.toString());
        assertTrue(about.err().startsWith("ticket: --about must be one line"), about.err());
        CliHarness.Result dedupe = anna.run("new", "-t", "Long", "-m", "x", "--dedupe-key", "k".repeat(300));
        assertTrue(dedupe.err().startsWith("ticket: --dedupe-key must be one line"), dedupe.err());
        CliHarness.Result label = anna.run("new", "-t", "Label", "-m", "x", "-l", "no spaces please");
        assertEquals(2, label.exit(), label.toString());
        assertTrue(label.err().startsWith("ticket: -l 'no spaces please' must be"), label.err());
        assertFalse(dialog.err().contains("dialog_url") || dedupe.err().contains("dedupe_key"));
    }

    @Test
    void an_unknown_field_means_the_service_is_older_than_the_cli() {
        assertEquals("the service is older than this CLI: it does not take --dialog (API field 'dialog_url'); "
                + "update the service, or leave --dialog out",
                FlagNames.rewrite("Unknown field 'dialog_url'.", java.util.Map.of("dialog_url", "--dialog"), null));
    }
}
