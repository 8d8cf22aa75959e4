package dev.ticket.service;

import dev.ticket.model.Message;
import dev.ticket.model.Ticket;
import dev.ticket.model.TicketPage;
import dev.ticket.store.Principal;
import dev.ticket.store.TicketStore;
import dev.ticket.store.Viewer;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * The hot read path (token look-up, one ticket with its chat, read markers) served from memory
 * when this process is the store's only writer. Every write that could change an entry drops it
 * after its commit; a load that raced with such a write is not kept (the generation check), so a
 * reader never sees data older than the last acknowledged write. While a ticket write is in flight
 * ({@link #beginWrite} to {@link #endWrite}) reads go to the store: its commit is announced to event
 * streams at once, before the writer has dropped what it changed, and a client told of the new
 * message must not then read the ticket as it was.
 *
 * <p>Each cache is a Caffeine cache of this instance (nothing shared between services in one JVM), bounded by
 * size or weight: when full it evicts what is least likely to be asked for again and keeps serving the rest.
 * Their statistics are recorded ({@link #caches}), for the metrics.
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
    private final AtomicInteger writing = new AtomicInteger();
    private final Cache<Long, Ticket> tickets;
    private final Cache<String, Principal> principals = bounded(MAX_ENTRIES);
    private final Cache<String, Long> markers = bounded(MAX_ENTRIES);
    /** List pages as one user asked for them; any write to a ticket or a read marker drops them all. */
    private final Cache<Object, TicketPage> pages = bounded(MAX_PAGES);

    ReadCache(TicketStore store) {
        this(store, MAX_TICKET_CHARS);
    }

    /** With a budget for chats other than the default (a test fills it). */
    ReadCache(TicketStore store, long maxTicketChars) {
        this.store = store;
        this.enabled = store.singleNode();
        this.tickets = Caffeine.newBuilder()
                .maximumWeight(maxTicketChars)
                .weigher((Long id, Ticket ticket) -> (int) Math.min(Integer.MAX_VALUE, chars(ticket)))
                .executor(Runnable::run)
                .recordStats()
                .build();
    }

    private static <K, V> Cache<K, V> bounded(long entries) {
        // evictions run on the thread that caused them: a few map operations, and the bound holds at once
        return Caffeine.newBuilder().maximumSize(entries).executor(Runnable::run).recordStats().build();
    }

    /** The named caches (some of: tickets, principals, markers, pages), for their statistics. */
    Map<String, Cache<?, ?>> caches(List<String> names) {
        Map<String, Cache<?, ?>> all = Map.of("tickets", tickets, "principals", principals, "markers", markers,
                "pages", pages);
        Map<String, Cache<?, ?>> chosen = new LinkedHashMap<>();
        for (String name : names) {
            chosen.put(name, all.get(name));
        }
        return chosen;
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

    void ticketChanged(long ticketId) {
        generation.incrementAndGet();
        tickets.invalidate(ticketId);
        pages.invalidateAll();
    }

    void markerChanged(long userId, long ticketId) {
        generation.incrementAndGet();
        markers.invalidate(userId + ":" + ticketId);
        pages.invalidateAll();
    }

    void tokensChanged() {
        generation.incrementAndGet();
        principals.invalidateAll();
    }

    private <K, V> V load(Cache<K, V> cache, K key, Supplier<V> loader) {
        if (!enabled || writing.get() > 0) {
            return loader.get();
        }
        V cached = cache.getIfPresent(key);
        if (cached != null) {
            return cached;
        }
        long before = generation.get();
        V loaded = loader.get();
        if (loaded != null && generation.get() == before) {
            cache.put(key, loaded);
            if (generation.get() != before) {
                cache.asMap().remove(key, loaded); // a write raced with this load: do not keep what may be stale
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
