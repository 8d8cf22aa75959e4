package dev.ticket.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.stats.CacheStats;
import dev.ticket.model.NewTicket;
import dev.ticket.model.NewUser;
import dev.ticket.model.Role;
import dev.ticket.model.Ticket;
import dev.ticket.model.User;
import dev.ticket.store.JdbcTicketStore;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The service's read cache over a real SQLite store: bounded, still serving when full, one per service. */
class ReadCacheTest {
    @TempDir
    Path dir;
    private final List<JdbcTicketStore> stores = new ArrayList<>();

    @AfterEach
    void close() {
        stores.forEach(JdbcTicketStore::close);
    }

    /** A store in {@code dir} with {@code count} tickets of one customer, and their ids. */
    private List<Long> ticketsIn(JdbcTicketStore store, int count, String title) {
        AccountService accounts = new AccountService(store, Clock.systemUTC());
        User admin = new Bootstrap(accounts).adminIfEmpty().orElseThrow();
        User customer = accounts.addUser(accounts.authenticate(admin.token()),
                new NewUser("Cara", Role.CUSTOMER, "acme"));
        Caller cara = accounts.authenticate(customer.token());
        TicketService tickets = new TicketService(store, BusinessHours.defaults(), ServiceSettings.defaults(),
                Clock.systemUTC());
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ids.add(tickets.open(cara, new NewTicket(title + " " + (100 + i), "It broke, step " + (100 + i) + ".",
                    null, null, null, null, null, null), List.of(), null).ticket().id());
        }
        return ids;
    }

    private JdbcTicketStore store(String name) {
        JdbcTicketStore store = JdbcTicketStore.openSqlite(dir.resolve(name), 2);
        stores.add(store);
        return store;
    }

    @Test
    void a_full_cache_stays_within_its_weight_and_keeps_serving_the_tickets_read_most() {
        JdbcTicketStore store = store("one");
        List<Long> ids = ticketsIn(store, 40, "Printer");
        long oneTicket = ReadCache.chars(new ReadCache(store).ticket(ids.get(0)).orElseThrow());
        long budget = 8 * oneTicket; // room for about eight chats of this size
        ReadCache cache = new ReadCache(store, budget);
        @SuppressWarnings("unchecked")
        Cache<Long, Ticket> tickets = (Cache<Long, Ticket>) cache.caches(List.of("tickets")).get("tickets");
        long hot1 = ids.get(0);
        long hot2 = ids.get(1);
        for (int i = 0; i < 5; i++) { // two tickets everyone keeps opening
            cache.ticket(hot1);
            cache.ticket(hot2);
        }
        CacheStats before = tickets.stats();
        for (long cold : ids.subList(2, ids.size())) { // and 38 others, each opened once
            assertEquals(cold, cache.ticket(cold).orElseThrow().id());
            cache.ticket(hot1);
            cache.ticket(hot2);
            long weight = tickets.policy().eviction().orElseThrow().weightedSize().orElseThrow();
            assertTrue(weight <= budget, "the cache weighs " + weight + ", more than its budget " + budget);
        }
        CacheStats during = tickets.stats().minus(before);
        // the old hand-written cache emptied itself whenever it was full: the hot tickets went with the rest
        assertEquals(2L * 38, during.hitCount(), "every read of the two hot tickets was served from memory");
        assertEquals(38, during.missCount(), "only the tickets opened once went to the store");
        assertTrue(during.evictionCount() > 0, "the cache was full: " + during);
        assertTrue(tickets.estimatedSize() >= 2 && tickets.estimatedSize() <= 8, "kept " + tickets.estimatedSize());
    }

    @Test
    void two_services_in_one_jvm_keep_their_own_entries() {
        JdbcTicketStore first = store("first");
        JdbcTicketStore second = store("second");
        long id = ticketsIn(first, 1, "Printer").get(0);
        assertEquals(id, (long) ticketsIn(second, 1, "Scanner").get(0));
        ReadCache one = new ReadCache(first);
        ReadCache other = new ReadCache(second);
        Ticket fromFirst = one.ticket(id).orElseThrow();
        assertEquals(fromFirst, one.ticket(id).orElseThrow());
        Cache<?, ?> firstTickets = one.caches(List.of("tickets")).get("tickets");
        Cache<?, ?> secondTickets = other.caches(List.of("tickets")).get("tickets");
        assertEquals(1, firstTickets.estimatedSize());
        assertEquals(1, firstTickets.stats().hitCount());
        assertEquals(0, secondTickets.estimatedSize(), "the other service holds nothing the first one read");
        // the other service reads its own store's ticket, not the first one's kept copy
        assertEquals("Scanner 100", other.ticket(id).orElseThrow().title());
        assertEquals(0, secondTickets.stats().hitCount());
        assertEquals(1, secondTickets.stats().missCount());
    }
}
