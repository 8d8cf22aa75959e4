package dev.ticket.service;

import dev.ticket.model.Message;
import dev.ticket.model.Ticket;
import dev.ticket.model.TicketPage;
import dev.ticket.store.Principal;
import dev.ticket.store.TicketStore;
import dev.ticket.store.Viewer;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.stats.ConcurrentStatsCounter;
import com.github.benmanes.caffeine.cache.stats.StatsCounter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * The hot read path (token look-up, one ticket with its chat, read markers, list pages) served from memory.
 *
 * <p>When this process is the store's only writer (SQLite), every write that could change an entry drops it
 * after its commit; a load that raced with such a write is not kept (the generation check), so a
 * reader never sees data older than the last acknowledged write. While a ticket write is in flight
 * ({@link #beginWrite} to {@link #endWrite}) reads go to the store: its commit is announced to event
 * streams at once, before the writer has dropped what it changed, and a client told of the new
 * message must not then read the ticket as it was.
 *
 * <p>When other nodes write too (PostgreSQL), this node cannot hear of their writes in time (a client whose
 * write node A acknowledged may ask node B next, before B hears of it), so each entry is kept with the store's
 * {@linkplain TicketStore#dataVersion version} read just before it was loaded, and served only to a request
 * that reads the same version, after it came in: nothing was committed in between, by any node, so the entry
 * is what the store would answer now. A page then costs one trivial query instead of the page's.
 *
 * <p>Each cache is a Caffeine cache of this instance (nothing shared between services in one JVM), bounded by
 * size or weight: when full it evicts what is least likely to be asked for again and keeps serving the rest.
 * Their statistics are recorded ({@link #caches}), for the metrics: an entry of another version counts as a miss.
 */
final class ReadCache {
    private static final int MAX_ENTRIES = 20_000;
    private static final int MAX_PAGES = 2_000;
    /** Chats are kept up to this weight (see {@link #chars}): some tens of MiB of heap. */
    private static final long MAX_TICKET_CHARS = 32L * 1024 * 1024;
    private static final Viewer NEUTRAL = new Viewer(0, true, null);

    private final TicketStore store;
    /** This process is the store's only writer: entries are dropped by its writes, never checked. */
    private final boolean alone;
    private final AtomicLong generation = new AtomicLong();
    private final AtomicInteger writing = new AtomicInteger();
    private final Counted<Long, Ticket> tickets;
    private final Counted<String, Principal> principals = bounded(MAX_ENTRIES);
    private final Counted<String, Long> markers = bounded(MAX_ENTRIES);
    /** List pages as one user asked for them; any write to a ticket or a read marker drops them all. */
    private final Counted<Object, TicketPage> pages = bounded(MAX_PAGES);

    /** A value as loaded, with the store's version read before the load (null when this process writes alone). */
    private record Kept<V>(String version, V value) {
    }

    /** A cache of kept values, and its statistics, recorded here: only an entry of the asked version is a hit. */
    private record Counted<K, V>(Cache<K, Kept<V>> cache, StatsCounter stats) {
    }

    ReadCache(TicketStore store) {
        this(store, MAX_TICKET_CHARS);
    }

    /** With a budget for chats other than the default (a test fills it). */
    ReadCache(TicketStore store, long maxTicketChars) {
        this.store = store;
        this.alone = store.singleNode();
        StatsCounter stats = new ConcurrentStatsCounter();
        this.tickets = new Counted<>(Caffeine.newBuilder()
                .maximumWeight(maxTicketChars)
                .weigher((Long id, Kept<Ticket> kept) -> (int) Math.min(Integer.MAX_VALUE, chars(kept.value())))
                .executor(Runnable::run)
                .recordStats(() -> stats)
                .build(), stats);
    }

    private static <K, V> Counted<K, V> bounded(long entries) {
        StatsCounter stats = new ConcurrentStatsCounter();
        // evictions run on the thread that caused them: a few map operations, and the bound holds at once
        return new Counted<>(Caffeine.newBuilder().maximumSize(entries).executor(Runnable::run)
                .recordStats(() -> stats).build(), stats);
    }

    /** The named caches (some of: tickets, principals, markers, pages), for their statistics. */
    Map<String, Cache<?, ?>> caches(List<String> names) {
        Map<String, Counted<?, ?>> all = Map.of("tickets", tickets, "principals", principals, "markers", markers,
                "pages", pages);
        Map<String, Cache<?, ?>> chosen = new LinkedHashMap<>();
        for (String name : names) {
            chosen.put(name, all.get(name).cache());
        }
        return chosen;
    }

    /**
     * The store's version now, for the loads of one request that follow (null when this process writes alone):
     * read once per request, after it came in, so that its loads agree with each other.
     */
    String asOf() {
        return alone ? null : store.dataVersion();
    }

    Optional<Principal> principal(String tokenHash) {
        return Optional.ofNullable(load(principals, tokenHash, asOf(),
                () -> store.read(tx -> tx.principalByTokenHash(tokenHash)).orElse(null)));
    }

    /** The ticket with its chat, {@code unread} not yet set for any viewer. */
    Optional<Ticket> ticket(long ticketId) {
        return ticket(ticketId, asOf());
    }

    /** The same, with a version read by {@link #asOf} for this request. */
    Optional<Ticket> ticket(long ticketId, String asOf) {
        return Optional.ofNullable(load(tickets, ticketId, asOf, () -> store.read(tx -> tx.ticket(ticketId, NEUTRAL)
                .map(t -> t.withMessages(tx.messages(ticketId)).withUnread(0)).orElse(null))));
    }

    /** Unread for the viewer: the other side's messages after the viewer's read marker (R7). */
    int unread(Ticket ticket, Caller viewer, String asOf) {
        long marker = load(markers, viewer.userId() + ":" + ticket.id(), asOf,
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
        return load(pages, key, asOf(), loader);
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

    void ticketChanged(long ticketId) {
        generation.incrementAndGet();
        tickets.cache().invalidate(ticketId);
        pages.cache().invalidateAll();
    }

    void markerChanged(long userId, long ticketId) {
        generation.incrementAndGet();
        markers.cache().invalidate(userId + ":" + ticketId);
        pages.cache().invalidateAll();
    }

    void tokensChanged() {
        generation.incrementAndGet();
        principals.cache().invalidateAll();
    }

    private <K, V> V load(Counted<K, V> counted, K key, String asOf, Supplier<V> loader) {
        Cache<K, Kept<V>> cache = counted.cache();
        if (!alone && asOf == null) { // a shared store that cannot tell its version: nothing can be kept
            return loader.get();
        }
        if (!alone) {
            Kept<V> kept = cache.asMap().get(key);
            if (kept != null && kept.version().equals(asOf)) {
                counted.stats().recordHits(1);
                return kept.value();
            }
            counted.stats().recordMisses(1);
            V loaded = loader.get();
            if (loaded != null) {
                cache.put(key, new Kept<>(asOf, loaded)); // read after asOf: as new as it, or newer
            }
            return loaded;
        }
        if (writing.get() > 0) {
            return loader.get();
        }
        Kept<V> cached = cache.asMap().get(key);
        if (cached != null) {
            counted.stats().recordHits(1);
            return cached.value();
        }
        counted.stats().recordMisses(1);
        long before = generation.get();
        V loaded = loader.get();
        if (loaded != null && generation.get() == before) {
            Kept<V> kept = new Kept<>(null, loaded);
            cache.put(key, kept);
            if (generation.get() != before) {
                cache.asMap().remove(key, kept); // a write raced with this load: do not keep what may be stale
            }
        }
        return loaded;
    }

    /** A rough weight of a ticket with its chat: its text in characters, plus the objects around it. */
    static long chars(Ticket ticket) {
        long chars = 1024 + ticket.title().length();
        for (Message m : ticket.messages()) {
            chars += 512 + m.body().length();
        }
        return chars;
    }
}
