package dev.ticket.client;

import java.net.URI;
import java.time.Duration;
import javax.net.ssl.SSLContext;

/**
 * Where the service is, who we are to it, and how patient to be; {@code trust} is the TLS context of a CA file
 * the user gave ({@link TrustedCertificates}), null for the system's CAs.
 */
public record ClientConfig(URI server, String token, Duration connectTimeout, Duration readTimeout,
                           RetryPolicy retry, SSLContext trust) {
    public static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    public static final Duration READ_TIMEOUT = Duration.ofSeconds(30);

    /** The CLI's defaults: 5 s to connect, 30 s to answer, {@link RetryPolicy#DEFAULT}. */
    public static ClientConfig of(URI server, String token) {
        return new ClientConfig(server, token, CONNECT_TIMEOUT, READ_TIMEOUT, RetryPolicy.DEFAULT, null);
    }

    /** Waits {@code timeout} for each answer (and at most that long to connect). */
    public ClientConfig withReadTimeout(Duration timeout) {
        Duration connect = timeout.compareTo(connectTimeout) < 0 ? timeout : connectTimeout;
        return new ClientConfig(server, token, connect, timeout, retry, trust);
    }

    public ClientConfig withRetry(RetryPolicy policy) {
        return new ClientConfig(server, token, connectTimeout, readTimeout, policy, trust);
    }

    public ClientConfig withTrust(SSLContext context) {
        return new ClientConfig(server, token, connectTimeout, readTimeout, retry, context);
    }
}
