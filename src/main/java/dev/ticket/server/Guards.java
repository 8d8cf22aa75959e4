package dev.ticket.server;

import java.time.Duration;
import java.util.List;

/**
 * The service's defences against load and abuse (rules.md, load): writes per user a minute ({@code 0} = off), how long
 * request headers may take and the least rate a body must keep ({@code 0} = off), failed authentications an
 * address may make a minute before it is throttled, the proxies whose {@code X-Forwarded-For} is believed, and the
 * free space under which {@code /readyz} says not ready.
 */
public record Guards(int writesPerMinute, Duration headerTimeout, long minBodyRate, int failuresPerMinute,
                     List<String> trustedProxies, long minFreeSpace) {
    public static final int DEFAULT_WRITES_PER_MINUTE = 6_000;
    public static final Duration DEFAULT_HEADER_TIMEOUT = Duration.ofSeconds(10);
    /** Bytes a second a request body must average over each header-timeout window. */
    public static final long DEFAULT_MIN_BODY_RATE = 1024;
    public static final int DEFAULT_FAILURES_PER_MINUTE = 20;
    public static final long DEFAULT_MIN_FREE_SPACE = 100L * 1024 * 1024;

    public Guards {
        trustedProxies = List.copyOf(trustedProxies);
    }

    public static Guards defaults() {
        return new Guards(DEFAULT_WRITES_PER_MINUTE, DEFAULT_HEADER_TIMEOUT, DEFAULT_MIN_BODY_RATE,
                DEFAULT_FAILURES_PER_MINUTE, List.of(), DEFAULT_MIN_FREE_SPACE);
    }

    public Guards withWritesPerMinute(int value) {
        return new Guards(value, headerTimeout, minBodyRate, failuresPerMinute, trustedProxies, minFreeSpace);
    }

    public Guards withSlowClients(Duration headers, long bodyRate) {
        return new Guards(writesPerMinute, headers, bodyRate, failuresPerMinute, trustedProxies, minFreeSpace);
    }

    public Guards withFailuresPerMinute(int value) {
        return new Guards(writesPerMinute, headerTimeout, minBodyRate, value, trustedProxies, minFreeSpace);
    }

    public Guards withTrustedProxies(List<String> value) {
        return new Guards(writesPerMinute, headerTimeout, minBodyRate, failuresPerMinute, value, minFreeSpace);
    }

    public Guards withMinFreeSpace(long value) {
        return new Guards(writesPerMinute, headerTimeout, minBodyRate, failuresPerMinute, trustedProxies, value);
    }

    /** Checks a {@code --trusted-proxy} value (an address or CIDR range); the message names what is wrong. */
    public static void validateProxy(String cidr) {
        ClientAddress.validate(cidr);
    }
}
