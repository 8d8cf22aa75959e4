package dev.ticket.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ticket.model.Role;
import dev.ticket.testing.ServeProcess;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ticket wait} under a real {@code ticket serve} process that is stopped and started again. */
class WaitAcrossRestartTest {
    @TempDir
    Path dir;

    @Test
    void wait_outlives_a_restart_of_the_service_and_prints_the_answer_given_after_it() throws Exception {
        Path data = dir.resolve("data");
        int port = ServeProcess.freePort();
        try (ServeProcess first = ServeProcess.startOnPort(data, port)) {
            CliHarness rita = new CliHarness(first.url()).token(first.client("Rita", Role.CUSTOMER, "acme").token());
            CliHarness sam = new CliHarness(first.url()).token(first.client("Sam", Role.AGENT, null).token());
            String id = rita.open("Across a restart", "Help");

            CliHarness.Running waiting = rita.start("wait", id, "--timeout", "120s");
            waiting.awaitErr("Waiting for news");
            assertEquals(0, first.terminate(Duration.ofSeconds(30)), "stopped cleanly");
            waiting.awaitErr("reconnecting");
            assertTrue(!waiting.result().isDone(), "still waiting while the service is down: " + waiting.err());
            try (ServeProcess second = ServeProcess.startOnPort(data, port)) {
                sam.ok("reply", id, "-m", "Answered after the restart.");
                CliHarness.Result r = waiting.result().get(60, java.util.concurrent.TimeUnit.SECONDS);
                assertEquals(0, r.exit(), r.toString());
                assertTrue(r.out().contains("Answered after the restart."), r.out());
            }
        }
    }
}
