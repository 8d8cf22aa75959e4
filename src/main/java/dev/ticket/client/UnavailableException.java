package dev.ticket.client;

import dev.ticket.model.Problem;

/** The service could not be reached, or kept failing (5xx, 429) after the retries ran out. */
public class UnavailableException extends ApiException {
    public UnavailableException(String message, Problem problem, Throwable cause) {
        super(message, problem, cause);
    }
}
