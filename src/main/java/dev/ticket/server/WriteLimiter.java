package dev.ticket.server;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.ticket.service.ServiceException;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import java.time.Duration;

/**
 * Writes per user a minute (rules.md, load, {@code --write-rate N/min}): a token bucket per user that holds a minute's
 * worth and refills smoothly, so bursts up to the limit pass and a steady stream past it gets 429
 * {@code rate-limited} with the seconds until the next write is allowed.
 */
final class WriteLimiter {
    private static final long MAX_USERS = 100_000;

    private final int perMinute;
    private final Cache<Long, Bucket> buckets;

    WriteLimiter(int perMinute) {
        this.perMinute = perMinute;
        this.buckets = Caffeine.newBuilder().maximumSize(MAX_USERS).expireAfterAccess(Duration.ofMinutes(2)).build();
    }

    void acquire(long userId) {
        if (perMinute <= 0) {
            return;
        }
        Bucket bucket = buckets.get(userId, id -> Bucket.builder().addLimit(limit -> limit.capacity(perMinute)
                .refillGreedy(perMinute, Duration.ofMinutes(1))).build());
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        if (!probe.isConsumed()) {
            long seconds = Math.max(1, (probe.getNanosToWaitForRefill() + 999_999_999) / 1_000_000_000);
            throw new ServiceException(ServiceException.Kind.RATE_LIMITED, "More than " + perMinute
                    + " writes a minute from this user; slow down and retry after " + seconds + " s.", seconds);
        }
    }
}
