package dev.ticket.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ticket.model.Message;
import dev.ticket.model.NewTicket;
import dev.ticket.model.Ticket;
import dev.ticket.service.Caller;
import dev.ticket.service.Opened;
import dev.ticket.service.ServiceException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Several writers at once, as several nodes (or request threads) make them. Each test works in an
 * account of its own, so one store serves the whole class.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ConcurrentWritesContract {
    static final int WRITERS = 6;
    static final int REPLIES = 10;

    TicketStore store;
    StoreFixture f;

    /** A new, empty, migrated store. */
    abstract TicketStore openStore() throws Exception;

    /** Releases what {@link #openStore} made. */
    abstract void cleanUp() throws Exception;

    @BeforeAll
    void open() throws Exception {
        store = openStore();
    }

    @AfterAll
    void close() throws Exception {
        if (store != null) {
            store.close();
        }
        cleanUp();
    }

    @BeforeEach
    void freshAccount() {
        f = new StoreFixture(store);
    }

    @Test
    void one_dedupe_key_used_by_many_writers_at_once_makes_one_ticket_with_every_message() throws Exception {
        List<Opened> results = all(i -> f.tickets.open(i % 2 == 0 ? f.customer : f.otherCustomer,
                new NewTicket("Nightly build failed", "Run " + i, null, null, null, null, null, "nightly"),
                List.of(), null));
        Set<Long> ids = new HashSet<>();
        results.forEach(r -> ids.add(r.ticket().id()));
        assertEquals(1, ids.size(), "one ticket for one dedupe key");
        assertEquals(1, results.stream().filter(r -> !r.deduplicated()).count());
        assertEquals(WRITERS, f.asCustomer(ids.iterator().next()).messageCount());
    }

    @Test
    void one_idempotency_key_used_by_many_writers_at_once_makes_one_ticket() throws Exception {
        NewTicket in = new NewTicket("Retried create", "Once only", null, null, null, null, null, null);
        List<Opened> results = all(i -> f.tickets.open(f.customer, in, List.of(), "retry-1"));
        Set<Long> ids = new HashSet<>();
        results.forEach(r -> ids.add(r.ticket().id()));
        assertEquals(1, ids.size());
        assertEquals(List.of("Retried create"), f.search("retried"));
    }

    @Test
    void an_event_reader_never_passes_over_an_event_that_commits_later() throws Exception {
        List<Ticket> tickets = new ArrayList<>();
        for (int i = 0; i < WRITERS; i++) {
            tickets.add(f.open("Busy " + i));
        }
        long start = store.read(StoreTx::lastEventId);
        long account = f.customer.accountId();
        AtomicBoolean writing = new AtomicBoolean(true);
        List<Long> seen = new ArrayList<>();
        Thread reader = new Thread(() -> {
            long last = start;
            boolean drained = false;
            while (!drained) {
                boolean finalPass = !writing.get();
                long after = last;
                List<EventRow> rows = store.read(tx -> tx.eventsAfter(after, account, null, 500));
                for (EventRow row : rows) {
                    seen.add(row.id());
                    last = row.id();
                }
                drained = finalPass && rows.isEmpty();
            }
        });
        reader.start();
        Caller agent = f.agent;
        all(i -> {
            for (int n = 0; n < REPLIES; n++) {
                f.tickets.reply(agent, tickets.get(i).id(), "Reply " + n, List.of(), null);
            }
            return null;
        });
        writing.set(false);
        reader.join(30_000);
        List<Long> stored = store.read(tx -> tx.eventsAfter(start, account, null, 10_000)).stream()
                .map(EventRow::id).toList();
        assertEquals(WRITERS * REPLIES, stored.size());
        assertEquals(stored, seen, "the reader saw every event once, in order");
    }

    @Test
    void a_close_racing_replies_leaves_no_message_after_closed_at_and_refuses_the_late_ones() throws Exception {
        int rounds = 40;
        int replies = 12;
        ExecutorService pool = Executors.newFixedThreadPool(replies + 1);
        try {
            for (int round = 0; round < rounds; round++) {
                long id = f.open("Race " + round).id();
                CyclicBarrier together = new CyclicBarrier(replies + 1);
                List<Future<Boolean>> sent = new ArrayList<>();
                for (int i = 0; i < replies; i++) {
                    Caller who = i % 2 == 0 ? f.agent : f.customer;
                    String text = "Reply " + i;
                    sent.add(pool.submit(() -> {
                        together.await(10, TimeUnit.SECONDS);
                        try {
                            f.tickets.reply(who, id, text, List.of(), null);
                            return true;
                        } catch (ServiceException e) {
                            assertEquals(ServiceException.Kind.TICKET_CLOSED, e.kind(), e.getMessage());
                            return false;
                        }
                    }));
                }
                Future<Ticket> close = pool.submit(() -> {
                    together.await(10, TimeUnit.SECONDS);
                    return f.tickets.close(f.agent, id, null);
                });
                Ticket closed = close.get(60, TimeUnit.SECONDS);
                int landed = 0;
                for (Future<Boolean> reply : sent) {
                    landed += reply.get(60, TimeUnit.SECONDS) ? 1 : 0;
                }
                Ticket after = f.asAgent(id);
                assertEquals(closed.closedAt(), after.closedAt(), "round " + round + ": closed once");
                assertEquals(closed.updatedAt(), after.updatedAt(), "round " + round + ": not changed after the close");
                assertEquals(1 + landed, after.messages().size(), "round " + round + ": every accepted reply is kept");
                for (Message m : after.messages()) {
                    assertTrue(m.createdAt().isBefore(after.closedAt()), "round " + round + ": message "
                            + m.id() + " at " + m.createdAt() + " is not before closed_at " + after.closedAt());
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    interface Work<T> {
        T run(int writer) throws Exception;
    }

    /** Runs {@code work} on {@link #WRITERS} threads released together; returns their results. */
    <T> List<T> all(Work<T> work) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
        CyclicBarrier together = new CyclicBarrier(WRITERS);
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < WRITERS; i++) {
                int writer = i;
                Callable<T> task = () -> {
                    together.await(10, TimeUnit.SECONDS);
                    return work.run(writer);
                };
                futures.add(pool.submit(task));
            }
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get(60, TimeUnit.SECONDS));
            }
            assertTrue(results.size() == WRITERS);
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
