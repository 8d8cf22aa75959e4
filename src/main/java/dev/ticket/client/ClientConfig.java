package dev.ticket.client;

import java.net.URI;
import java.time.Duration;
import java.util.function.Consumer;
import javax.net.ssl.SSLContext;

/**
 * Where the service is, who we are to it, and how patient to be; {@code trust} is the TLS context of a CA file
 * the user gave ({@link TrustedCertificates}), null for the system's CAs; {@code trace}, when not null, hears one
 * line per exchange (the CLI's {@code --verbose}).
 */
public record ClientConfig(URI server, String token, Duration connectTimeout, Duration readTimeout,
                           RetryPolicy retry, SSLContext trust, Consumer<String> trace) {
    public static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    public static final Duration READ_TIMEOUT = Duration.ofSeconds(30);

    public ClientConfig(URI server, String token, Duration connectTimeout, Duration readTimeout, RetryPolicy retry,
                        SSLContext trust) {
        this(server, token, connectTimeout, readTimeout, retry, trust, null);
    }

    /** The CLI's defaults: 5 s to connect, 30 s to answer, {@link RetryPolicy#DEFAULT}. */
    public static ClientConfig of(URI server, String token) {
        return new ClientConfig(server, token, CONNECT_TIMEOUT, READ_TIMEOUT, RetryPolicy.DEFAULT, null);
    }

    /** Waits {@code timeout} for each answer (and at most that long to connect). */
    public ClientConfig withReadTimeout(Duration timeout) {
        Duration connect = timeout.compareTo(connectTimeout) < 0 ? timeout : connectTimeout;
        return new ClientConfig(server, token, connect, timeout, retry, trust, trace);
    }

    public ClientConfig withRetry(RetryPolicy policy) {
        return new ClientConfig(server, token, connectTimeout, readTimeout, policy, trust, trace);
    }

    public ClientConfig withTrust(SSLContext context) {
        return new ClientConfig(server, token, connectTimeout, readTimeout, retry, context, trace);
    }

    /** Tells {@code lines} of each exchange: method, URL, status, time and the request id. */
    public ClientConfig withTrace(Consumer<String> lines) {
        return new ClientConfig(server, token, connectTimeout, readTimeout, retry, trust, lines);
    }
}
