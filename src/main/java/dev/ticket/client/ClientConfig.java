package dev.ticket.client;

import java.net.URI;
import java.time.Duration;

/** Where the service is, who we are to it, and how patient to be. */
public record ClientConfig(URI server, String token, Duration connectTimeout, Duration readTimeout,
                           RetryPolicy retry) {
    public static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    public static final Duration READ_TIMEOUT = Duration.ofSeconds(30);

    /** The CLI's defaults: 5 s to connect, 30 s to answer, {@link RetryPolicy#DEFAULT}. */
    public static ClientConfig of(URI server, String token) {
        return new ClientConfig(server, token, CONNECT_TIMEOUT, READ_TIMEOUT, RetryPolicy.DEFAULT);
    }

    /** Waits {@code timeout} for each answer (and at most that long to connect). */
    public ClientConfig withReadTimeout(Duration timeout) {
        Duration connect = timeout.compareTo(connectTimeout) < 0 ? timeout : connectTimeout;
        return new ClientConfig(server, token, connect, timeout, retry);
    }

    public ClientConfig withRetry(RetryPolicy policy) {
        return new ClientConfig(server, token, connectTimeout, readTimeout, policy);
    }
}
