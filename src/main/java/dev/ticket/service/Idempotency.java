package dev.ticket.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.ticket.model.Json;
import dev.ticket.store.IdempotencyRecord;
import dev.ticket.store.StoreTx;
import dev.ticket.store.TicketStore;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * {@code Idempotency-Key}: the first answer for a key and user is stored in the same transaction as
 * the write, and given again for the same request; the same key with another request is refused.
 */
final class Idempotency {
    /** Kept twice as long as promised (24 h) so clock skew between nodes cannot cut it short. */
    static final Duration KEEP = Duration.ofHours(48);
    private static final int MAX_KEY = 255;
    /** How often old keys are swept, so the table stays bounded without a scheduler. */
    static final Duration SWEEP_EVERY = Duration.ofHours(1);

    private final TicketStore store;
    private final Clock clock;
    private final AtomicReference<Instant> nextSweep = new AtomicReference<>(Instant.MIN);

    Idempotency(TicketStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /**
     * Runs {@code work} in a write, recorded under {@code key} when there is one; {@code request} (the request's
     * fingerprint) is computed only then: without a key its JSON and hash would be made for nothing.
     */
    <T> T run(Caller caller, String key, Supplier<String> request, Class<T> type, Function<StoreTx, T> work) {
        if (key == null || key.isEmpty()) {
            return store.write(work);
        }
        String fingerprint = request.get();
        if (key.length() > MAX_KEY || !key.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            throw ServiceException.validation("Idempotency-Key must be 1-" + MAX_KEY + " printable ASCII characters.");
        }
        sweepWhenDue();
        return store.write(tx -> {
            if (!tx.claimIdempotency(caller.userId(), key, fingerprint, clock.instant())) {
                IdempotencyRecord first = tx.idempotency(caller.userId(), key).orElseThrow();
                if (!first.fingerprint().equals(fingerprint) || first.response() == null
                        || !type.getSimpleName().equals(first.kind())) {
                    throw new ServiceException(ServiceException.Kind.IDEMPOTENCY_CONFLICT,
                            "This Idempotency-Key was already used for a different request; use a new key.");
                }
                return parse(first.response(), type);
            }
            T result = work.apply(tx);
            tx.completeIdempotency(caller.userId(), key, type.getSimpleName(), json(result));
            return result;
        });
    }

    private void sweepWhenDue() {
        Instant now = clock.instant();
        Instant due = nextSweep.get();
        if (now.isAfter(due) && nextSweep.compareAndSet(due, now.plus(SWEEP_EVERY))) {
            expire();
        }
    }

    /** Forgets keys older than {@link #KEEP}. */
    int expire() {
        return store.write(tx -> tx.expireIdempotency(clock.instant().minus(KEEP)));
    }

    static String fingerprint(String operation, Object request, List<Upload> files) {
        StringBuilder text = new StringBuilder(operation).append('\n').append(json(request));
        for (Upload file : files) {
            text.append('\n').append(file.filename()).append(':').append(file.sha256());
        }
        return Tokens.sha256Hex(text.toString().getBytes(StandardCharsets.UTF_8));
    }

    static String json(Object value) {
        try {
            return Json.mapper().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static <T> T parse(String text, Class<T> type) {
        try {
            return Json.mapper().readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
