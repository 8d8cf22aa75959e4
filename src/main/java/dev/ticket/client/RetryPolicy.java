package dev.ticket.client;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * How often and how long to retry: exponential backoff with jitter, at most {@code maxAttempts}
 * tries and {@code maxTotal} of waiting; a {@code Retry-After} beyond the budget ends the retries.
 */
public record RetryPolicy(int maxAttempts, Duration baseDelay, Duration maxDelay, Duration maxTotal) {
    /** What the CLI uses: 4 tries, 250 ms doubling to at most 4 s, 20 s in all. */
    public static final RetryPolicy DEFAULT =
            new RetryPolicy(4, Duration.ofMillis(250), Duration.ofSeconds(4), Duration.ofSeconds(20));
    /** One try only. */
    public static final RetryPolicy NONE = new RetryPolicy(1, Duration.ZERO, Duration.ZERO, Duration.ZERO);

    /**
     * The pause before try number {@code attempt + 1} (attempt counts from 1): half the exponential
     * step plus a random share of the other half, so clients that failed together do not retry together.
     */
    public Duration backoff(int attempt) {
        long base = baseDelay.toMillis();
        long step = Math.min(maxDelay.toMillis(), base << Math.min(attempt - 1, 20));
        long half = step / 2;
        return Duration.ofMillis(half + (half > 0 ? ThreadLocalRandom.current().nextLong(half + 1) : 0));
    }

    /**
     * The pause before the next try, or null to give up: after the last attempt, or when
     * {@code retryAfter} (if any) or the backoff would exceed what is left of the budget.
     */
    public Duration nextDelay(int attempt, Duration waitedSoFar, Duration retryAfter) {
        if (attempt >= maxAttempts) {
            return null;
        }
        Duration delay = retryAfter != null ? retryAfter : backoff(attempt);
        if (waitedSoFar.plus(delay).compareTo(maxTotal) > 0) {
            return null;
        }
        return delay;
    }
}
