package dev.ticket.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ticket.client.ClientConfig;
import dev.ticket.client.HttpTicketClient;
import dev.ticket.client.TicketClient;
import dev.ticket.model.Json;
import dev.ticket.model.Role;
import dev.ticket.model.User;
import dev.ticket.testing.OpenApiContract;
import dev.ticket.testing.RecordingProxy;
import dev.ticket.testing.TestService;
import dev.ticket.tui.ClientBackend;
import dev.ticket.tui.StatusFilter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SPEC 7.2: every request the CLI sends and every answer the service gives validates against openapi.yaml.
 * Every command that talks to the service (and the chat view's calls) runs against a real service through a
 * recording proxy, successes and refusals alike; each exchange is then held to the document by an independent
 * JSON Schema validator ({@link OpenApiContract}).
 */
class CliContractTest {
    @TempDir
    Path dir;

    @Test
    void every_request_of_every_command_and_every_answer_validates_against_openapi_yaml() throws Exception {
        List<String> violations = new ArrayList<>();
        OpenApiContract contract = new OpenApiContract();
        int exchanges;
        long began = System.nanoTime();
        try (TestService service = TestService.start(); RecordingProxy proxy = new RecordingProxy(service.url())) {
            timed("start", began);
            User olgaUser = service.addUser("Olga", Role.CUSTOMER, "acme");
            User samUser = service.addUser("Sam", Role.AGENT, null);
            CliHarness olga = new CliHarness(proxy.url()).token(olgaUser.token());
            CliHarness sam = new CliHarness(proxy.url()).token(samUser.token());
            CliHarness admin = new CliHarness(proxy.url()).token(service.admin().token());
            long start = System.nanoTime();
            runCommands(olga, sam, admin, proxy);
            timed("commands", start);
            start = System.nanoTime();
            chatView(proxy.url(), olgaUser.token());
            timed("chat view", start);
            start = System.nanoTime();
            for (RecordingProxy.Exchange exchange : proxy.exchanges()) {
                violations.addAll(contract.violations(exchange));
            }
            exchanges = proxy.exchanges().size();
            timed("validation of " + exchanges + " exchanges", start);
            began = System.nanoTime();
        }
        timed("stop", began);
        assertEquals(List.of(), violations, "requests and answers that differ from openapi.yaml");
        assertValidatorSeesWhatMainSent(contract);
        Set<String> expected = new TreeSet<>(List.of("GET /api/v1/me", "GET /api/v1/hours",
                "GET /api/v1/limits", "GET /api/v1/tickets", "POST /api/v1/tickets", "GET /api/v1/tickets/{id}",
                "POST /api/v1/tickets/{id}/messages", "POST /api/v1/tickets/{id}/close",
                "POST /api/v1/tickets/{id}/read", "GET /api/v1/attachments/{id}", "GET /api/v1/events",
                "GET /api/v1/users", "POST /api/v1/users", "POST /api/v1/users/{id}/tokens",
                "DELETE /api/v1/tokens/{id}"));
        Set<String> missed = new TreeSet<>(expected);
        missed.removeAll(contract.covered());
        assertEquals(Set.of(), missed, "operations the CLI uses that the run did not reach");
        assertTrue(exchanges > 50, "exchanges recorded: " + exchanges);
    }

    private void runCommands(CliHarness olga, CliHarness sam, CliHarness admin, RecordingProxy proxy)
            throws Exception {
        olga.ok("whoami");
        olga.ok("hours");
        String first = olga.open("Widget broken", "It broke.");
        String full = olga.ok("new", "-t", "Оплата не проходит", "-m", "Списали дважды.", "--type", "critical",
                "--about", "Finance", "--dialog", "https://app.example.com/d/42", "--ref", first, "-l", "ci",
                "-l", "billing", "--dedupe-key", "nightly", "--idempotency-key", "contract-1", "-q").strip();
        olga.ok("new", "-t", "Nightly failed again", "-m", "Same as before.", "--dedupe-key", "nightly", "--json");
        Path log = Files.writeString(dir.resolve("build log.txt"), "FAILED\n");
        Path shot = Files.write(dir.resolve("снимок экрана.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10});
        String withFiles = olga.ok("new", "-t", "With files", "-m", "See attached.", "-a", log.toString(), "-a",
                shot.toString(), "--ref", first, "-l", "ci", "--type", "suggestion", "-q").strip();
        olga.ok("list");
        olga.ok("list", "-s", "on-customer", "-S", "оплата", "--type", "critical", "-l", "ci", "-L", "5", "--json");
        olga.ok("list", "--unread", "-s", "done", "-q");
        olga.ok("show", first);
        olga.ok("show", full, "--no-read", "--json");
        olga.ok("reply", first, "-m", "More detail: it happens at login.");
        sam.ok("reply", first, "-m", "Looking into it.", "-a", log.toString());
        sam.ok("list", "--awaiting", "team", "-L", "2");
        sam.ok("list", "--awaiting", "customer", "--json");
        olga.ok("attach", withFiles, log.toString(), "-m", "One more log.");
        olga.ok("download", withFiles, "-o", dir.resolve("down").toString());
        JsonNode files = Json.mapper().readTree(olga.ok("show", withFiles, "--json", "--no-read"));
        String attachment = files.at("/messages/0/attachments/0/id").asText();
        olga.ok("download", withFiles, "--attachment", attachment, "-o", dir.resolve("one").toString());
        // the first wait prints the unread answer at once and marks it read; the second follows the event stream
        olga.ok("wait", first, "--timeout", "5s");
        CliHarness.Result waited = olga.run("wait", first, "--timeout", "1s");
        assertEquals(7, waited.exit(), waited.toString());
        String sent = Json.mapper().readTree(olga.ok("reply", full, "-m", "oops, my key: sk_live_x", "--json"))
                .get("id").asText();
        refused(olga, 3, "redact", sent);
        sam.ok("redact", sent);
        sam.ok("close", full);
        olga.ok("close", withFiles);
        // refusals: each status the CLI meets, answered as the document says
        refused(olga, 5, "reply", full, "-m", "Too late.");
        refused(olga, 4, "show", "999999");
        refused(olga, 2, "new", "-t", "Bad link", "-m", "x", "--dialog", "ftp://example.com/d");
        refused(sam, 3, "new", "-t", "Agents do not open", "-m", "x");
        refused(olga, 3, "admin", "user", "list");
        refused(new CliHarness(proxy.url()).token("not-a-token"), 3, "whoami");
        // admin
        admin.ok("admin", "user", "list", "--json");
        JsonNode added = Json.mapper().readTree(admin.ok("admin", "user", "add", "Ivan", "--role", "customer",
                "--account", "acme", "--json"));
        admin.ok("admin", "user", "add", "Nina", "--role", "agent", "--expires", "30d", "--json");
        String ivan = added.get("id").asText();
        admin.ok("admin", "token", "issue", ivan);
        admin.ok("admin", "token", "issue", ivan, "--expires", "12h");
        admin.ok("admin", "token", "list");
        admin.ok("admin", "token", "list", "--json");
        admin.ok("admin", "token", "revoke", ivan);
        admin.ok("admin", "user", "disable", "Nina");
        admin.ok("admin", "user", "enable", "Nina", "--json");
        admin.ok("admin", "audit");
        admin.ok("admin", "audit", "--limit", "5", "--json");
        // profiles
        CliHarness fresh = new CliHarness(null);
        fresh.ok("login", "--server", proxy.url(), "--token", olga.token());
        fresh.ok("whoami");
        fresh.ok("logout");
    }

    /** The validator is not vacuous: what the CLI and service sent before SPEC 7.2 is refused. */
    private static void assertValidatorSeesWhatMainSent(OpenApiContract contract) {
        var json = java.util.Map.of("content-type", List.of("application/json"));
        byte[] oldRequest = ("{\"title\":\"t\",\"body\":\"b\",\"type\":null,\"about\":null,\"dialog_url\":null,"
                + "\"refs\":null,\"labels\":null,\"dedupe_key\":null}").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] problem = "{\"type\":\"x\",\"title\":\"x\",\"status\":422,\"detail\":\"x\"}"
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        List<String> found = contract.violations(new RecordingProxy.Exchange("POST", "/api/v1/tickets", json,
                oldRequest, 422, java.util.Map.of("content-type", List.of("application/problem+json")), problem));
        for (String field : List.of("type", "about", "dialog_url", "refs", "labels", "dedupe_key")) {
            assertTrue(found.stream().anyMatch(v -> v.contains("/" + field + ": null found")), field + ": " + found);
        }
        List<String> badId = contract.violations(new RecordingProxy.Exchange("GET", "/api/v1/tickets/%23%D9%A1",
                java.util.Map.of(), new byte[0], 200, json, "{}".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        assertTrue(badId.stream().anyMatch(v -> v.contains("path parameter id")), badId.toString());
        assertTrue(badId.stream().anyMatch(v -> v.contains("required property")), badId.toString());
    }

    private static void timed(String what, long start) {
        System.out.printf("CliContractTest: %s %d ms%n", what, (System.nanoTime() - start) / 1_000_000);
    }

    private static void refused(CliHarness cli, int exit, String... args) {
        CliHarness.Result r = cli.run(args);
        assertEquals(exit, r.exit(), String.join(" ", args) + ": " + r);
    }

    /** The chat view's calls, through the same client the TUI uses. */
    private void chatView(String url, String token) throws Exception {
        try (TicketClient client = new HttpTicketClient(ClientConfig.of(URI.create(url), token))) {
            ClientBackend backend = new ClientBackend(client);
            backend.me();
            var tickets = backend.tickets(StatusFilter.ALL, null, false);
            backend.tickets(StatusFilter.ON_CUSTOMER, "widget", false);
            long open = tickets.stream().filter(t -> !t.isDone()).findFirst().orElseThrow().id();
            backend.ticket(open);
            backend.reply(open, "From the chat view.");
            backend.attach(open, Files.writeString(dir.resolve("chat file.txt"), "x"), "With a file.");
            backend.markRead(open);
            backend.create(new dev.ticket.model.NewTicket("From the chat view", "Opened in the TUI.", null, null,
                    null, null, null, null));
            backend.close(open);
        }
    }
}
