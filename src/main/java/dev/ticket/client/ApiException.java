package dev.ticket.client;

import dev.ticket.model.Problem;

/** The service answered with an error; {@code problem} is its RFC 9457 document (synthesised if it sent none). */
public class ApiException extends RuntimeException {
    private final transient Problem problem;
    private String requestId;

    public ApiException(String message, Problem problem) {
        super(message);
        this.problem = problem;
    }

    public ApiException(String message, Problem problem, Throwable cause) {
        super(message, cause);
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }

    /**
     * The id of the request that failed (its {@code X-Request-Id}, which the service's log line has), or null
     * when the request never reached the service.
     */
    public String requestId() {
        return requestId != null ? requestId : problem == null ? null : problem.requestId();
    }

    /** Names the request that failed; returns this. */
    public ApiException withRequestId(String id) {
        if (requestId == null) {
            requestId = id;
        }
        return this;
    }

    /** The HTTP status, or 0 when no answer came. */
    public int status() {
        return problem == null ? 0 : problem.status();
    }
}
