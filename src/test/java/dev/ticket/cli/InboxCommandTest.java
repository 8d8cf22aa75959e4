package dev.ticket.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ticket.model.Json;
import dev.ticket.model.Role;
import dev.ticket.model.User;
import dev.ticket.testing.ServeProcess;
import dev.ticket.testing.TestService;
import java.time.Duration;
import org.junit.jupiter.api.io.TempDir;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code ticket inbox}: a customer's unread answers, isolation between accounts, and --watch in a real process. */
class InboxCommandTest {
    @RegisterExtension
    static final TestService service = TestService.perClass();
    /** The service's agent, who answers. */
    final CliHarness agent = CliHarness.agent(service);

    @Test
    void a_customer_sees_the_tickets_with_unread_answers_and_only_their_own() throws Exception {
        CliHarness anna = CliHarness.as(service, "Anna", Role.CUSTOMER, "inbox-a");
        CliHarness bert = CliHarness.as(service, "Bert", Role.CUSTOMER, "inbox-b");
        String answered = anna.open("Answered one", "x");
        anna.open("Still waiting", "x");
        String bertsAnswered = bert.open("Bert's question", "x");
        assertEquals("Nothing new: every answer is read.\n", anna.ok("inbox"));
        agent.ok("reply", answered, "-m", "Try again now");
        agent.ok("reply", bertsAnswered, "-m", "Fixed");

        List<String> lines = anna.ok("inbox").lines().toList();
        assertEquals(2, lines.size(), lines.toString());
        assertTrue(lines.get(1).startsWith("#" + answered) && lines.get(1).contains("Answered one"), lines.toString());
        assertTrue(lines.get(0).contains("UNREAD"), lines.toString());
        assertEquals(anna.ok("list", "--unread"), anna.ok("inbox"), "a customer's inbox reads as their list does: "
                + "the same columns in the same order");
        JsonNode json = Json.mapper().readTree(anna.ok("inbox", "--json"));
        assertEquals(1, json.size(), json.toString());
        assertEquals(answered, json.get(0).get("id").asText());
        assertEquals(1, json.get(0).get("unread").asInt());
        assertFalse(json.get(0).has("messages"), "a listed ticket, without its chat");
        assertEquals("Answered one\n", anna.ok("inbox", "--jq", ".[].title"));
        assertEquals(bertsAnswered + "\n", bert.ok("inbox", "-q"), "another account's tickets never show");

        anna.ok("show", answered);
        assertEquals("Nothing new: every answer is read.\n", anna.ok("inbox"), "read: it needs her no more");
    }

    @Test
    void watch_prints_each_arrival_as_it_comes_and_nothing_of_another_account() throws Exception {
        CliHarness cleo = CliHarness.as(service, "Cleo", Role.CUSTOMER, "inbox-c");
        CliHarness dave = CliHarness.as(service, "Dave", Role.CUSTOMER, "inbox-d");
        String mine = cleo.open("Cleo's export", "x");
        String others = dave.open("Dave's widget", "x");
        try (Watcher human = new Watcher(service.url(), cleo.token(), "inbox", "--watch");
             Watcher json = new Watcher(service.url(), cleo.token(), "inbox", "--watch", "--json")) {
            human.awaitErr("Watching for new arrivals");
            json.awaitErr("Watching for new arrivals");
            agent.ok("reply", others, "-m", "For Dave only");
            agent.ok("reply", mine, "-m", "Here is how to export");
            String line = human.awaitOut("Cleo's export");
            assertTrue(line.startsWith("#" + mine) && line.contains(" 1 "), line);
            JsonNode arrived = Json.mapper().readTree(json.awaitOut("\"id\":" + mine));
            assertEquals("Cleo's export", arrived.get("title").asText());
            assertEquals(1, arrived.get("unread").asInt());
            assertFalse(human.out().toString().contains("Dave"), human.out().toString());
            assertFalse(json.out().toString().contains("Dave"), json.out().toString());
        }
    }

    @Test
    void an_agent_watching_sees_a_new_ticket_for_the_team_arrive() throws Exception {
        CliHarness erin = CliHarness.as(service, "Erin", Role.CUSTOMER, "inbox-e");
        User agent = service.addUser("Ada", Role.AGENT, "support");
        try (Watcher watcher = new Watcher(service.url(), agent.token(), "inbox", "--watch")) {
            watcher.awaitErr("Watching for new arrivals");
            String id = erin.open("Arrives live", "x", "--type", "critical");
            String line = watcher.awaitOut("Arrives live");
            assertTrue(line.startsWith("#" + id) && (line.contains("due in 3 h 59 min") || line.contains("due in 4 h")),
                    line);
            assertTrue(line.contains("inbox-e") && line.contains("critical"), line);
        }
    }

    @Test
    void an_arrival_while_watching_lines_up_with_the_header_of_the_table_above_it() throws Exception {
        CliHarness wide = CliHarness.as(service, "Gus", Role.CUSTOMER, "inbox-a-rather-wide-account-name");
        CliHarness narrow = CliHarness.as(service, "Hal", Role.CUSTOMER, "inbox-h");
        User agent = service.addUser("Ida", Role.AGENT, "support");
        wide.ok("new", "-t", "Listed before watching", "-m", "x", "--type", "critical");
        try (Watcher watcher = new Watcher(service.url(), agent.token(), "inbox", "--watch")) {
            String header = watcher.awaitOut("TITLE");
            watcher.awaitErr("Watching for new arrivals");
            narrow.ok("new", "-t", "Arrives in line", "-m", "x", "--type", "critical");
            String line = watcher.awaitOut("Arrives in line");
            assertEquals(header.indexOf("TITLE"), line.indexOf("Arrives in line"), header + "\n" + line);
            assertEquals(header.indexOf("ACCOUNT"), line.indexOf("inbox-h"), header + "\n" + line);
        }
    }

    @Test
    void watch_outlives_a_restart_of_the_service_and_prints_what_arrives_after_it(@TempDir Path dir) throws Exception {
        Path data = dir.resolve("data");
        int port = ServeProcess.freePort();
        try (ServeProcess first = ServeProcess.startOnPort(data, port);
             Watcher watcher = new Watcher(first.url(), first.client("Sam", Role.AGENT, null).token(),
                     "inbox", "--watch", "--json")) {
            String customer = first.client("Rita", Role.CUSTOMER, "acme").token();
            watcher.awaitErr("Watching for new arrivals");
            assertEquals(0, first.terminate(Duration.ofSeconds(30)), "stopped cleanly");
            watcher.awaitErr("reconnecting");
            try (ServeProcess second = ServeProcess.startOnPort(data, port)) {
                String id = new CliHarness(first.url()).token(customer)
                        .open("After the restart", "x");
                JsonNode arrived = Json.mapper().readTree(watcher.awaitOut("After the restart"));
                assertEquals(id, arrived.get("id").asText());
                watcher.awaitErr("Reconnected");
            }
        }
    }

    /** {@code ticket} in its own process (java with the test class path), stopped when closed. */
    static final class Watcher implements AutoCloseable {
        private final Process process;
        private final List<String> out = Collections.synchronizedList(new ArrayList<>());
        private final List<String> err = Collections.synchronizedList(new ArrayList<>());

        Watcher(String url, String token, String... args) throws Exception {
            Path config = Files.createTempDirectory("ticket-watch-");
            List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                    .toString(), "-cp", System.getProperty("java.class.path"), "dev.ticket.Main"));
            command.addAll(List.of(args));
            ProcessBuilder builder = new ProcessBuilder(command);
            builder.environment().put("TICKET_SERVER", url);
            builder.environment().put("TICKET_TOKEN", token);
            builder.environment().put("XDG_CONFIG_HOME", config.toString());
            builder.environment().put("HOME", config.toString());
            process = builder.start();
            pump(process.getInputStream(), out);
            pump(process.getErrorStream(), err);
        }

        private static void pump(java.io.InputStream stream, List<String> lines) {
            Thread t = new Thread(() -> {
                try (BufferedReader r = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
                    for (String line = r.readLine(); line != null; line = r.readLine()) {
                        lines.add(line);
                    }
                } catch (java.io.IOException e) {
                    // the process ended
                }
            });
            t.setDaemon(true);
            t.start();
        }

        List<String> out() {
            return List.copyOf(out);
        }

        String awaitOut(String text) throws InterruptedException {
            return await(out, text);
        }

        String awaitErr(String text) throws InterruptedException {
            return await(err, text);
        }

        private String await(List<String> lines, String text) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (System.nanoTime() < deadline) {
                for (String line : List.copyOf(lines)) {
                    if (line.contains(text)) {
                        return line;
                    }
                }
                assertTrue(process.isAlive(), "ticket ended: " + out + err);
                Thread.sleep(50);
            }
            throw new AssertionError("never saw '" + text + "': " + out + err);
        }

        @Override
        public void close() throws Exception {
            process.destroy();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }
}
