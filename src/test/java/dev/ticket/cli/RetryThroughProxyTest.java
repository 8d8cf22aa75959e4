package dev.ticket.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ticket.model.Role;
import dev.ticket.testing.TestService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class RetryThroughProxyTest {
    @RegisterExtension
    static final TestService service = TestService.perClass();

    @Test
    void a_new_whose_response_is_lost_is_retried_and_makes_exactly_one_ticket() throws Exception {
        CliHarness direct = CliHarness.as(service, "Anna", Role.CUSTOMER, "proxy-drop");
        try (LoopbackProxy proxy = new LoopbackProxy(service.url(), LoopbackProxy.Sabotage.DROP_FIRST_RESPONSE)) {
            CliHarness.Result r = direct.through(proxy.url())
                    .run("new", "-t", "Through a flaky network", "-m", "hello", "-q");
            assertEquals(0, r.exit(), r.toString());
            assertTrue(proxy.connections() >= 2, "the first answer was dropped, so the client had to retry");
            assertEquals(r.out(), direct.ok("list", "-q"), "exactly one ticket, and the retry printed its id");
        }
    }

    @Test
    void a_reply_whose_response_is_lost_makes_exactly_one_message() throws Exception {
        CliHarness direct = CliHarness.as(service, "Ben", Role.CUSTOMER, "proxy-reply");
        String id = direct.open("Reply retry", "first");
        try (LoopbackProxy proxy = new LoopbackProxy(service.url(), LoopbackProxy.Sabotage.DROP_FIRST_RESPONSE)) {
            direct.through(proxy.url()).ok("reply", id, "-m", "only once");
        }
        assertEquals(2, dev.ticket.model.Json.mapper().readTree(direct.ok("show", id, "--json"))
                .get("messages").size());
    }

    @Test
    void a_busy_service_is_retried_after_its_retry_after() throws Exception {
        CliHarness direct = CliHarness.as(service, "Cleo", Role.CUSTOMER, "proxy-busy");
        try (LoopbackProxy proxy = new LoopbackProxy(service.url(), LoopbackProxy.Sabotage.BUSY_FIRST_REQUEST)) {
            long start = System.nanoTime();
            CliHarness.Result r = direct.through(proxy.url()).run("new", "-t", "Busy", "-m", "hello", "-q");
            long tookMs = (System.nanoTime() - start) / 1_000_000;
            assertEquals(0, r.exit(), r.toString());
            assertTrue(tookMs >= 1000, "waited for Retry-After: 1, took " + tookMs + " ms");
            assertEquals(r.out(), direct.ok("list", "-q"));
        }
    }
}
