package dev.ticket.client;

import dev.ticket.model.Problem;
import java.time.Duration;

/** The service could not be reached, or kept failing (5xx, 429) after the retries ran out. */
public class UnavailableException extends ApiException {
    private final transient Duration retryAfter;

    public UnavailableException(String message, Problem problem, Throwable cause) {
        this(message, problem, cause, null);
    }

    public UnavailableException(String message, Problem problem, Throwable cause, Duration retryAfter) {
        super(message, problem, cause);
        this.retryAfter = retryAfter;
    }

    /** How long the service asked to wait before trying again ({@code Retry-After}), or null. */
    public Duration retryAfter() {
        return retryAfter;
    }
}
