package dev.ticket.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ticket.model.Json;
import dev.ticket.model.Role;
import dev.ticket.model.User;
import dev.ticket.testing.ApiClient;
import dev.ticket.testing.PgDatabase;
import dev.ticket.testing.PostgresAvailable;
import dev.ticket.testing.ServeProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Two real {@code ticket serve --db jdbc:postgresql://...} processes, started at the same moment on one
 * empty database, and the CLI driven through both: what one writes the other shows, waits hear, and
 * keys mean one ticket whichever node a retry lands on.
 */
@ExtendWith(PostgresAvailable.class)
class TwoServeProcessesTest {
    static PgDatabase db;
    static ServeProcess nodeA;
    static ServeProcess nodeB;
    static CliHarness customer;
    static CliHarness agent;
    static ApiClient admin;

    @BeforeAll
    static void start() throws Exception {
        db = PgDatabase.create();
        Path dirA = Files.createTempDirectory("ticket-node-a-");
        Path dirB = Files.createTempDirectory("ticket-node-b-");
        CompletableFuture<ServeProcess> a = CompletableFuture.supplyAsync(() -> serve(dirA));
        CompletableFuture<ServeProcess> b = CompletableFuture.supplyAsync(() -> serve(dirB));
        nodeA = a.get(120, TimeUnit.SECONDS);
        nodeB = b.get(120, TimeUnit.SECONDS);
        List<Path> tokenFiles = List.of(dirA.resolve("admin.token"), dirB.resolve("admin.token")).stream()
                .filter(Files::exists).toList();
        assertEquals(1, tokenFiles.size(), "exactly one node created the first admin");
        admin = new ApiClient(nodeB.url(), Files.readString(tokenFiles.get(0)).strip());
        User olga = admin.addUser("Olga", Role.CUSTOMER, "acme");
        User sam = admin.addUser("Sam", Role.AGENT, null);
        customer = new CliHarness(nodeA.url()).token(olga.token());
        agent = new CliHarness(nodeB.url()).token(sam.token());
    }

    static ServeProcess serve(Path dir) {
        return ServeProcess.start(dir, "--db", db.url(), "--db-pool", "3");
    }

    @AfterAll
    static void stop() {
        for (ServeProcess node : new ServeProcess[] {nodeA, nodeB}) {
            if (node != null) {
                node.close();
            }
        }
        if (db != null) {
            db.close();
        }
    }

    static JsonNode json(String text) throws Exception {
        return Json.mapper().readTree(text);
    }

    @Test
    void a_ticket_opened_through_one_node_is_answered_through_the_other_and_the_wait_hears_it() throws Exception {
        long id = json(customer.ok("new", "-t", "Виджет не грузится", "-m", "Пустой экран", "--json",
                "--server", nodeA.url())).get("id").asLong();
        String queue = agent.ok("list", "--awaiting", "team", "-q", "--server", nodeB.url());
        assertTrue(queue.lines().anyMatch(line -> line.equals(Long.toString(id))), queue);

        CompletableFuture<CliHarness.Result> waiting = CompletableFuture.supplyAsync(() ->
                customer.run("wait", Long.toString(id), "--timeout", "60s", "--server", nodeA.url()));
        // The wait subscribes before it blocks; reply until it has heard (a reply before it listened is
        // missed by design, so the agent's second message is the one it must print).
        agent.ok("reply", Long.toString(id), "-m", "Смотрим", "--server", nodeB.url());
        CliHarness.Result heard;
        try {
            heard = waiting.get(5, TimeUnit.SECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            agent.ok("reply", Long.toString(id), "-m", "Смотрим", "--server", nodeB.url());
            heard = waiting.get(60, TimeUnit.SECONDS);
        }
        assertEquals(0, heard.exit(), heard.toString());
        assertTrue(heard.out().contains("Смотрим"), heard.toString());

        // wait marked what it printed read (SPEC 7.2), and the other node knows
        assertEquals("", customer.ok("list", "--unread", "-q", "--server", nodeB.url()).strip());
        agent.ok("reply", Long.toString(id), "-m", "Готово", "--server", nodeB.url());
        String unread = customer.ok("list", "--unread", "-q", "--server", nodeB.url());
        assertTrue(unread.lines().anyMatch(line -> line.equals(Long.toString(id))), unread);
        customer.ok("show", Long.toString(id), "--server", nodeA.url());
        assertEquals("", customer.ok("list", "--unread", "-q", "--server", nodeB.url()).strip());
    }

    @Test
    void a_cut_list_says_how_many_match_counted_by_postgresql_within_the_callers_account() {
        User ivan = admin.addUser("Ivan", Role.CUSTOMER, "initech");
        CliHarness ivanCli = new CliHarness(nodeA.url()).token(ivan.token());
        for (int i = 0; i < 3; i++) {
            ivanCli.ok("new", "-t", "Квитанция " + i, "-m", "не пришла", "-q");
        }
        customer.ok("new", "-t", "Квитанция другого аккаунта", "-m", "x", "-q");
        CliHarness.Result own = ivanCli.run("list", "-S", "КВИТАНЦИЯ", "-L", "2", "--jq", ".[].id", "--server",
                nodeB.url()); // not -q, which prints the ids and no hint
        assertEquals(0, own.exit(), own.toString());
        assertEquals(2, own.out().lines().count(), own.toString());
        assertEquals("showing 2 of 3 (raise -L, or -L 0 for all)\n", own.err(), "another account's ticket not counted");
        CliHarness.Result team = agent.run("list", "-S", "квитанция", "-L", "1", "--jq", ".[].id");
        assertEquals("showing 1 of 4 (raise -L, or -L 0 for all)\n", team.err(), "agents count every account");
    }

    @Test
    void a_dedupe_key_used_through_both_nodes_at_once_makes_one_ticket() throws Exception {
        CompletableFuture<String> viaA = CompletableFuture.supplyAsync(() -> customer.ok("new", "-t", "CI red",
                "-m", "job 1", "--dedupe-key", "ci-main", "--json", "--server", nodeA.url()));
        CompletableFuture<String> viaB = CompletableFuture.supplyAsync(() -> customer.ok("new", "-t", "CI red",
                "-m", "job 2", "--dedupe-key", "ci-main", "--json", "--server", nodeB.url()));
        JsonNode a = json(viaA.get(60, TimeUnit.SECONDS));
        JsonNode b = json(viaB.get(60, TimeUnit.SECONDS));
        assertEquals(a.get("id").asLong(), b.get("id").asLong());
        assertTrue(a.path("deduplicated").asBoolean() != b.path("deduplicated").asBoolean(),
                "one created it, the other merged into it");
    }

    @Test
    void an_idempotency_key_retried_on_the_other_node_returns_the_same_ticket() throws Exception {
        long first = json(customer.ok("new", "-t", "Retry me", "-m", "x", "--idempotency-key", "cli-retry-1",
                "--json", "--server", nodeA.url())).get("id").asLong();
        long again = json(customer.ok("new", "-t", "Retry me", "-m", "x", "--idempotency-key", "cli-retry-1",
                "--json", "--server", nodeB.url())).get("id").asLong();
        assertEquals(first, again);
    }
}
