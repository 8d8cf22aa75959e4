package dev.ticket.server;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.ticket.model.Json;
import dev.ticket.model.Ticket;
import io.javalin.http.Context;
import java.io.IOException;

/**
 * One ticket with its chat as JSON, serialized once per distinct value and kept for the next reader: one cache per
 * server (never shared by two services in one JVM), bounded by the bytes it holds, with its statistics recorded
 * for the metrics. When full it evicts what is least likely to be asked for again and keeps serving the rest.
 */
final class TicketBodies {
    /** Bytes of JSON kept at most. */
    static final long MAX_CACHED_BYTES = 16L * 1024 * 1024;

    private final Cache<Ticket, byte[]> bodies;

    TicketBodies() {
        this(MAX_CACHED_BYTES);
    }

    TicketBodies(long maxBytes) {
        // evictions run on the thread that caused them: a few map operations, and the bound holds at once
        this.bodies = Caffeine.newBuilder()
                .maximumWeight(maxBytes)
                .weigher((Ticket ticket, byte[] body) -> body.length)
                .executor(Runnable::run)
                .recordStats()
                .build();
    }

    /** The ticket's JSON, from the cache when this value was written before. */
    byte[] json(Ticket ticket) throws IOException {
        byte[] body = bodies.getIfPresent(ticket);
        if (body == null) {
            body = Json.mapper().writer().writeValueAsBytes(ticket);
            bodies.put(ticket, body);
        }
        return body;
    }

    void write(Context ctx, Ticket ticket) throws IOException {
        Responses.write(ctx, json(ticket));
    }

    Cache<Ticket, byte[]> cache() {
        return bodies;
    }
}
