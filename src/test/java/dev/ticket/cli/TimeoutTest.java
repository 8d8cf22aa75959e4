package dev.ticket.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ticket.model.Role;
import dev.ticket.testing.TestService;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** SPEC 7.3 {@code --timeout}: a service that accepts connections and never answers costs that long, then exit 6. */
class TimeoutTest {
    static ServerSocket silent;
    static final List<Socket> accepted = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void listen() throws IOException {
        silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(() -> {
            while (!silent.isClosed()) {
                try {
                    accepted.add(silent.accept()); // keep it open, read nothing, answer nothing
                } catch (IOException e) {
                    return;
                }
            }
        });
        acceptor.setDaemon(true);
        acceptor.start();
    }

    @AfterAll
    static void close() throws IOException {
        silent.close();
        for (Socket socket : accepted) {
            socket.close();
        }
    }

    private static CliHarness cli() {
        return new CliHarness("http://127.0.0.1:" + silent.getLocalPort()).token("t0ken");
    }

    @Test
    void a_silent_service_is_exit_6_after_the_timeout_in_one_line() {
        long start = System.nanoTime();
        CliHarness.Result result = cli().run("list", "--timeout", "1s");
        long ms = (System.nanoTime() - start) / 1_000_000;
        assertEquals(6, result.exit(), result.toString());
        assertTrue(ms >= 900 && ms < 3000, "took " + ms + " ms");
        assertEquals(1, result.err().lines().count(), result.err());
        assertTrue(result.err().contains("no answer"), result.err());
        assertEquals("", result.out());
    }

    @Test
    void wait_on_a_silent_service_gives_up_within_its_timeout_not_the_default_30_s() {
        long start = System.nanoTime();
        CliHarness.Result result = cli().run("--timeout", "2s", "wait", "1");
        long ms = (System.nanoTime() - start) / 1_000_000;
        assertEquals(6, result.exit(), result.toString());
        assertTrue(ms < 6000, "took " + ms + " ms");
        assertEquals(1, result.err().lines().count(), result.err());
    }

    @Test
    void ticket_timeout_in_the_environment_does_the_same_and_the_flag_wins() {
        long start = System.nanoTime();
        CliHarness.Result result = cli().env("TICKET_TIMEOUT", "1s").run("show", "42");
        long ms = (System.nanoTime() - start) / 1_000_000;
        assertEquals(6, result.exit(), result.toString());
        assertTrue(ms >= 900 && ms < 3000, "took " + ms + " ms");

        start = System.nanoTime();
        result = cli().env("TICKET_TIMEOUT", "1m").run("--timeout", "500ms", "whoami");
        ms = (System.nanoTime() - start) / 1_000_000;
        assertEquals(6, result.exit(), result.toString());
        assertTrue(ms < 2500, "took " + ms + " ms");
    }

    @Test
    void a_bad_duration_is_exit_2() {
        CliHarness.Result result = cli().env("TICKET_TIMEOUT", "soon").run("list");
        assertEquals(2, result.exit(), result.toString());
        assertTrue(result.err().contains("TICKET_TIMEOUT"), result.err());
        assertEquals(2, cli().run("list", "--timeout", "later").exit());
    }

    @Test
    void wait_takes_the_global_timeout_as_the_whole_wait_and_exits_7() {
        try (TestService service = TestService.start()) {
            CliHarness anna = CliHarness.as(service, "Anna", Role.CUSTOMER, "acme");
            String id = anna.open("Quiet", "anyone?");
            long start = System.nanoTime();
            CliHarness.Result result = anna.run("wait", id, "--timeout", "1s");
            long ms = (System.nanoTime() - start) / 1_000_000;
            assertEquals(7, result.exit(), result.toString());
            assertTrue(ms < 5000, "took " + ms + " ms");
            CliHarness.Result before = anna.run("--timeout", "1s", "wait", id);
            assertEquals(7, before.exit(), "given before the command: " + before);
            CliHarness.Result env = anna.env("TICKET_TIMEOUT", "1s").run("wait", id);
            assertEquals(7, env.exit(), env.toString());
        }
    }
}
