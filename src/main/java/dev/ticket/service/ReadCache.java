package dev.ticket.service;

import dev.ticket.model.Message;
import dev.ticket.model.Ticket;
import dev.ticket.model.TicketPage;
import dev.ticket.store.Principal;
import dev.ticket.store.TicketStore;
import dev.ticket.store.Viewer;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;

/**
 * The hot read path (token look-up, one ticket with its chat, read markers) served from memory
 * when this process is the store's only writer. Every write that could change an entry drops it
 * after its commit; a load that raced with such a write is not kept (the generation check), so a
 * reader never sees data older than the last acknowledged write. While a ticket write is in flight
 * ({@link #beginWrite} to {@link #endWrite}) reads go to the store: its commit is announced to event
 * streams at once, before the writer has dropped what it changed, and a client told of the new
 * message must not then read the ticket as it was.
 */
final class ReadCache {
    private static final int MAX_ENTRIES = 20_000;
    private static final int MAX_PAGES = 2_000;
    /** Chats are kept up to this weight (see {@link #chars}): some tens of MiB of heap. */
    private static final long MAX_TICKET_CHARS = 32L * 1024 * 1024;
    private static final Viewer NEUTRAL = new Viewer(0, true, null);

    private final TicketStore store;
    private final boolean enabled;
    private final AtomicLong generation = new AtomicLong();
    private final java.util.concurrent.atomic.AtomicInteger writing = new java.util.concurrent.atomic.AtomicInteger();
    private final Bounded<Long, Ticket> tickets = new Bounded<>(MAX_TICKET_CHARS, ReadCache::chars);
    private final Bounded<String, Principal> principals = new Bounded<>(MAX_ENTRIES, p -> 1);
    private final Bounded<String, Long> markers = new Bounded<>(MAX_ENTRIES, m -> 1);
    /** List pages as one user asked for them; any write to a ticket or a read marker drops them all. */
    private final Bounded<Object, TicketPage> pages = new Bounded<>(MAX_PAGES, p -> 1);

    ReadCache(TicketStore store) {
        this.store = store;
        this.enabled = store.singleNode();
    }

    Optional<Principal> principal(String tokenHash) {
        return Optional.ofNullable(load(principals, tokenHash,
                () -> store.read(tx -> tx.principalByTokenHash(tokenHash)).orElse(null)));
    }

    /** The ticket with its chat, {@code unread} not yet set for any viewer. */
    Optional<Ticket> ticket(long ticketId) {
        return Optional.ofNullable(load(tickets, ticketId, () -> store.read(tx -> tx.ticket(ticketId, NEUTRAL)
                .map(t -> t.withMessages(tx.messages(ticketId)).withUnread(0)).orElse(null))));
    }

    /** Unread for the viewer: the other side's messages after the viewer's read marker (R7). */
    int unread(Ticket ticket, Caller viewer) {
        long marker = load(markers, viewer.userId() + ":" + ticket.id(),
                () -> store.read(tx -> tx.readMarker(viewer.userId(), ticket.id())));
        int count = 0;
        for (Message m : ticket.messages()) {
            if (m.id() > marker && m.author().role().isTeam() != viewer.team()) {
                count++;
            }
        }
        return count;
    }

    /** A page of tickets for {@code key} (who asks, and what), listed by {@code loader} when not kept. */
    TicketPage page(Object key, Supplier<TicketPage> loader) {
        return load(pages, key, loader);
    }

    /** A ticket write starts: until {@link #endWrite}, nothing is read from or kept in the cache. */
    void beginWrite() {
        writing.incrementAndGet();
        generation.incrementAndGet();
    }

    /** The write of {@link #beginWrite} is over, and what it changed has been dropped. */
    void endWrite() {
        writing.decrementAndGet();
    }

    /** Hits and misses of each cache (tokens, tickets, read markers, list pages) as metrics. */
    void bindMetrics(io.micrometer.core.instrument.MeterRegistry registry) {
        Map<String, Bounded<?, ?>> caches = Map.of("tokens", principals, "tickets", tickets, "read-markers", markers,
                "list-pages", pages);
        caches.forEach((name, cache) -> {
            for (String result : new String[] {"hit", "miss"}) {
                io.micrometer.core.instrument.FunctionCounter.builder("ticket.cache.requests", cache,
                                c -> (result.equals("hit") ? c.hits : c.misses).doubleValue())
                        .description("Reads of the single-node read cache, by cache and result")
                        .tag("cache", name).tag("result", result).register(registry);
            }
            io.micrometer.core.instrument.Gauge.builder("ticket.cache.size", cache, c -> c.map.size())
                    .description("Entries in the read cache").tag("cache", name).register(registry);
        });
    }

    void ticketChanged(long ticketId) {
        generation.incrementAndGet();
        tickets.map.remove(ticketId);
        pages.map.clear();
    }

    void markerChanged(long userId, long ticketId) {
        generation.incrementAndGet();
        markers.map.remove(userId + ":" + ticketId);
        pages.map.clear();
    }

    void tokensChanged() {
        generation.incrementAndGet();
        principals.map.clear();
    }

    private <K, V> V load(Bounded<K, V> cache, K key, Supplier<V> loader) {
        if (!enabled || writing.get() > 0) {
            return loader.get();
        }
        V cached = cache.map.get(key);
        if (cached != null) {
            cache.hits.increment();
            return cached;
        }
        cache.misses.increment();
        long before = generation.get();
        V loaded = loader.get();
        if (loaded != null && generation.get() == before) {
            cache.put(key, loaded);
            if (generation.get() != before) {
                cache.map.remove(key, loaded); // a write raced with this load: do not keep what may be stale
            }
        }
        return loaded;
    }

    /** A rough weight of a ticket with its chat: its text in characters, plus the objects around it. */
    private static long chars(Ticket ticket) {
        long chars = 1024 + ticket.title().length();
        for (Message m : ticket.messages()) {
            chars += 512 + m.body().length();
        }
        return chars;
    }

    /** A map that starts over when what it holds would weigh more than its budget. */
    private static final class Bounded<K, V> {
        final Map<K, V> map = new ConcurrentHashMap<>();
        final java.util.concurrent.atomic.LongAdder hits = new java.util.concurrent.atomic.LongAdder();
        final java.util.concurrent.atomic.LongAdder misses = new java.util.concurrent.atomic.LongAdder();
        private final AtomicLong weight = new AtomicLong();
        private final long budget;
        private final ToLongFunction<V> weigher;

        Bounded(long budget, ToLongFunction<V> weigher) {
            this.budget = budget;
            this.weigher = weigher;
        }

        void put(K key, V value) {
            long w = weigher.applyAsLong(value);
            if (weight.addAndGet(w) > budget) {
                map.clear();
                weight.set(w);
            }
            map.put(key, value);
        }
    }
}
