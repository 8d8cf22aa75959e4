package dev.ticket.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ticket.model.Role;
import dev.ticket.server.StreamSettings;
import dev.ticket.testing.RawStream;
import dev.ticket.testing.TestService;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** SPEC 7.1: {@code ticket wait} refused a stream (429, too many open) waits out Retry-After and tries again. */
class StreamCapRetryTest {
    static TestService service;
    static CliHarness anna;
    static CliHarness agent;

    @BeforeAll
    static void start() {
        service = TestService.start(s -> s.withStreams(new StreamSettings(1, 50_000,
                StreamSettings.DEFAULT_MAX_UNSENT, StreamSettings.DEFAULT_KEEPALIVE)));
        anna = CliHarness.as(service, "Anna", Role.CUSTOMER, "acme");
        agent = CliHarness.as(service, "Sam", Role.AGENT, null);
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    @Test
    void wait_refused_by_the_per_user_stream_cap_retries_after_the_slot_frees_and_gets_the_reply() throws Exception {
        String id = anna.open("Capped", "Please help");
        RawStream held = RawStream.open(service.url(), anna.token());
        assertEquals(200, held.status());
        CliHarness.Running waiting = anna.start("wait", id, "--timeout", "60s");
        try {
            // refused (429) while the one allowed stream is held: it keeps trying, does not fail
            Thread.sleep(1_000); // lets the first attempt be refused; the assertions below do not depend on it
            assertFalse(waiting.result().isDone(), "wait gave up on a 429: " + waiting.err());
        } finally {
            held.close();
        }
        waiting.awaitErr("Waiting for news");
        agent.ok("reply", id, "-m", "Here is the fix.");
        CliHarness.Result r = waiting.result().get(30, TimeUnit.SECONDS);
        assertEquals(0, r.exit(), r.toString());
        assertTrue(r.out().contains("Here is the fix."), r.out());
    }
}
