package dev.ticket.server;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.ticket.model.Json;
import java.io.IOException;

/**
 * Answers of the hot reads as JSON (one ticket with its chat, a page of tickets), serialized once per distinct
 * value and kept for the next reader: one cache per server and kind (never shared by two services in one JVM),
 * bounded by the bytes it holds, with its statistics recorded for the metrics. When full it evicts what is least
 * likely to be asked for again and keeps serving the rest. The values are immutable records whose JSON is a
 * function of their value alone, so a value-equal one may take the bytes made for another; a changed one (a new
 * message, a status, another viewer's unread count) is a different key and is serialized afresh.
 */
final class JsonBodies<T> {
    /** Bytes of JSON kept at most. */
    static final long MAX_CACHED_BYTES = 16L * 1024 * 1024;

    private final Cache<T, byte[]> bodies;

    JsonBodies() {
        this(MAX_CACHED_BYTES);
    }

    JsonBodies(long maxBytes) {
        // evictions run on the thread that caused them: a few map operations, and the bound holds at once
        this.bodies = Caffeine.newBuilder()
                .maximumWeight(maxBytes)
                .weigher((T value, byte[] body) -> body.length)
                .executor(Runnable::run)
                .recordStats()
                .build();
    }

    /**
     * The value's JSON, from the cache when this value was written before. Requests for the same value at once
     * wait for one serialization and share its bytes: 300 readers of one 8 MB chat made 300 copies before.
     */
    byte[] json(T value) throws IOException {
        try {
            return bodies.get(value, v -> {
                try {
                    return Json.mapper().writer().writeValueAsBytes(v);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
        } catch (java.io.UncheckedIOException e) {
            throw e.getCause();
        }
    }

    Cache<T, byte[]> cache() {
        return bodies;
    }
}
