package dev.ticket.server;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.ticket.service.ServiceException;
import dev.ticket.service.Tokens;
import io.github.bucket4j.Bucket;
import java.time.Duration;

/**
 * Throttles token guessing per client address (rules.md, load). Each address has a bucket of
 * {@code failuresPerMinute} failed authentications, filled again each minute; once it is empty every request from
 * the address is refused (429 {@code too-many-failures}) before its token is looked at, so a guesser learns
 * nothing, except requests whose token already succeeded from that address in the last 24 hours: colleagues
 * behind the same NAT keep working. Both maps are bounded, so a flood of addresses or tokens costs bounded memory.
 */
final class AuthThrottle {
    static final Duration REMEMBER_SUCCESS = Duration.ofHours(24);
    private static final long MAX_ADDRESSES = 100_000;
    private static final long MAX_SUCCESSES = 200_000;

    private final int failuresPerMinute;
    private final Cache<String, Bucket> failures;
    /** "address token-hash" pairs that authenticated; only hashes, never tokens, are kept. */
    private final Cache<String, Boolean> successes;

    AuthThrottle(int failuresPerMinute) {
        this.failuresPerMinute = failuresPerMinute;
        this.failures = Caffeine.newBuilder().maximumSize(MAX_ADDRESSES).expireAfterAccess(Duration.ofMinutes(2))
                .build();
        this.successes = Caffeine.newBuilder().maximumSize(MAX_SUCCESSES).expireAfterWrite(REMEMBER_SUCCESS).build();
    }

    /** Refuses the request if its address is throttled and the token is not one that worked from there. */
    void check(String address, String token) {
        if (failuresPerMinute <= 0) {
            return;
        }
        Bucket bucket = failures.getIfPresent(address);
        if (bucket == null || bucket.getAvailableTokens() > 0) {
            return;
        }
        if (token != null && successes.getIfPresent(key(address, token)) != null) {
            return;
        }
        long wait = bucket.estimateAbilityToConsume(1).getNanosToWaitForRefill();
        throw new ServiceException(ServiceException.Kind.TOO_MANY_FAILURES, "Too many failed authentications "
                + "from this address; wait before trying again.", Math.max(1, (wait + 999_999_999) / 1_000_000_000));
    }

    void failed(String address) {
        if (failuresPerMinute > 0) {
            failures.get(address, a -> Bucket.builder().addLimit(limit -> limit.capacity(failuresPerMinute)
                    .refillIntervally(failuresPerMinute, Duration.ofMinutes(1))).build()).tryConsume(1);
        }
    }

    void succeeded(String address, String token) {
        if (failuresPerMinute > 0) {
            successes.put(key(address, token), Boolean.TRUE);
        }
    }

    private static String key(String address, String token) {
        return address + " " + Tokens.hash(token);
    }
}
