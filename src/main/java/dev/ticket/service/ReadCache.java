package dev.ticket.service;

import dev.ticket.model.Message;
import dev.ticket.model.Ticket;
import dev.ticket.store.Principal;
import dev.ticket.store.TicketStore;
import dev.ticket.store.Viewer;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * The hot read path (token look-up, one ticket with its chat, read markers) served from memory
 * when this process is the store's only writer. Every write that could change an entry drops it
 * after its commit; a load that raced with such a write is not kept (the generation check), so a
 * reader never sees data older than the last acknowledged write.
 */
final class ReadCache {
    private static final int MAX_ENTRIES = 20_000;
    private static final Viewer NEUTRAL = new Viewer(0, true, null);

    private final TicketStore store;
    private final boolean enabled;
    private final AtomicLong generation = new AtomicLong();
    private final Map<Long, Ticket> tickets = new ConcurrentHashMap<>();
    private final Map<String, Principal> principals = new ConcurrentHashMap<>();
    private final Map<String, Long> markers = new ConcurrentHashMap<>();

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

    void ticketChanged(long ticketId) {
        generation.incrementAndGet();
        tickets.remove(ticketId);
    }

    void markerChanged(long userId, long ticketId) {
        generation.incrementAndGet();
        markers.remove(userId + ":" + ticketId);
    }

    void tokensChanged() {
        generation.incrementAndGet();
        principals.clear();
    }

    private <K, V> V load(Map<K, V> cache, K key, Supplier<V> loader) {
        if (!enabled) {
            return loader.get();
        }
        V cached = cache.get(key);
        if (cached != null) {
            return cached;
        }
        long before = generation.get();
        V loaded = loader.get();
        if (loaded != null && generation.get() == before) {
            if (cache.size() >= MAX_ENTRIES) {
                cache.clear();
            }
            cache.put(key, loaded);
            if (generation.get() != before) {
                cache.remove(key, loaded); // a write raced with this load: do not keep what may be stale
            }
        }
        return loaded;
    }
}
