package dev.ticket.server;

import java.time.Duration;

/**
 * Limits on live event streams ({@code GET /api/v1/events}): open streams per user and in all, the unsent
 * bytes a stream may queue for a client that stops reading before it is closed, and the keep-alive interval.
 */
public record StreamSettings(int perUser, int total, long maxUnsentBytes, Duration keepAlive) {
    public static final int DEFAULT_PER_USER = 100;
    public static final int DEFAULT_TOTAL = 50_000;
    public static final long DEFAULT_MAX_UNSENT = 1024 * 1024;
    public static final Duration DEFAULT_KEEPALIVE = Duration.ofSeconds(15);
    /** What a refused client is told to wait before trying again. */
    static final long RETRY_AFTER_SECONDS = 5;

    public static StreamSettings defaults() {
        return new StreamSettings(DEFAULT_PER_USER, DEFAULT_TOTAL, DEFAULT_MAX_UNSENT, DEFAULT_KEEPALIVE);
    }

    public StreamSettings {
        if (perUser < 1 || total < 1 || maxUnsentBytes < 1) {
            throw new IllegalArgumentException("stream limits must be positive");
        }
        if (keepAlive.isNegative() || keepAlive.isZero() || keepAlive.compareTo(DEFAULT_KEEPALIVE) > 0) {
            throw new IllegalArgumentException("the keep-alive interval must be more than 0 and at most 15 s");
        }
    }
}
