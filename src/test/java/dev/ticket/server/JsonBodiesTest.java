package dev.ticket.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.stats.CacheStats;
import dev.ticket.model.Role;
import dev.ticket.model.Status;
import dev.ticket.model.Ticket;
import dev.ticket.testing.ApiClient;
import dev.ticket.testing.TestService;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The tickets' JSON kept per server: bounded by bytes, serving its hot tickets when full, never shared. */
class JsonBodiesTest {

    private static Ticket ticket(long id) {
        Instant at = Instant.parse("2026-11-25T10:15:30.123456Z");
        return new Ticket(id, "Ticket " + id, Status.ON_CUSTOMER, null, null, null, "acme", null, at, at, null, null, null,
                0, 1, List.of(), List.of(), null, null);
    }

    @Test
    void a_full_cache_stays_within_its_bytes_and_keeps_serving_the_tickets_read_most() throws Exception {
        long oneBody = new JsonBodies<Ticket>().json(ticket(1)).length;
        long budget = 8 * oneBody;
        JsonBodies<Ticket> bodies = new JsonBodies<>(budget);
        Cache<Ticket, byte[]> cache = bodies.cache();
        for (int i = 0; i < 5; i++) {
            bodies.json(ticket(1));
            bodies.json(ticket(2));
        }
        CacheStats before = cache.stats();
        for (long cold = 3; cold < 43; cold++) {
            bodies.json(ticket(cold));
            bodies.json(ticket(1));
            bodies.json(ticket(2));
            long weight = cache.policy().eviction().orElseThrow().weightedSize().orElseThrow();
            assertTrue(weight <= budget, "kept " + weight + " bytes, more than " + budget);
        }
        CacheStats during = cache.stats().minus(before);
        assertEquals(2L * 40, during.hitCount(), "the hot tickets stayed (the old cache emptied itself when full)");
        assertEquals(40, during.missCount());
        assertTrue(during.evictionCount() > 0, during.toString());
    }

    @Test
    void a_page_listed_again_unchanged_is_written_from_its_kept_json_and_a_changed_one_afresh() {
        try (TestService service = TestService.start()) {
            ApiClient cara = service.client("Cara", Role.CUSTOMER, "acme");
            cara.post("/tickets", java.util.Map.of("title", "Printer", "body", "It broke.")).expect(201);
            Cache<?, ?> pages = service.app().server().caches().get("page-json");
            String first = cara.get("/tickets").expect(200).body();
            assertEquals(first, cara.get("/tickets").expect(200).body());
            assertEquals(1, pages.stats().hitCount(), pages.stats().toString());
            cara.post("/tickets", java.util.Map.of("title", "Scanner", "body", "It broke too.")).expect(201);
            String second = cara.get("/tickets").expect(200).body();
            assertTrue(second.contains("Scanner") && second.contains("Printer"), second);
            assertEquals(1, pages.stats().hitCount());
            assertEquals(2, pages.stats().missCount());
        }
    }

    @Test
    void two_services_in_one_jvm_keep_their_own_ticket_json() {
        try (TestService first = TestService.start(); TestService second = TestService.start()) {
            ApiClient cara = first.client("Cara", Role.CUSTOMER, "acme");
            long id = cara.post("/tickets", java.util.Map.of("title", "Printer", "body", "It broke."))
                    .expect(201).json().path("id").asLong();
            cara.get("/tickets/" + id).expect(200);
            cara.get("/tickets/" + id).expect(200);
            Cache<?, ?> mine = first.app().server().caches().get("ticket-json");
            Cache<?, ?> theirs = second.app().server().caches().get("ticket-json");
            assertNotSame(mine, theirs);
            assertTrue(mine.stats().hitCount() >= 1, mine.stats().toString());
            assertEquals(0, theirs.estimatedSize(), "the other service holds none of the first one's tickets");
            assertEquals(0, theirs.stats().requestCount());
            assertTrue(first.app().server().caches().keySet().containsAll(
                    List.of("tickets", "markers", "pages", "principals", "ticket-json", "page-json")),
                    first.app().server().caches().keySet().toString());
        }
    }
}
