package dev.ticket.model;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * An RFC 9457 problem details document; {@code type} is a stable kind such as {@code ticket-closed};
 * {@code requestId} is the request's {@code X-Request-Id}, the one its log line has.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, String instance, String requestId) {

    /** Without a request id (one is added as the answer is sent). */
    public Problem(String type, String title, int status, String detail, String instance) {
        this(type, title, status, detail, instance, null);
    }

    /** The same problem told as the answer to the request {@code id}. */
    public Problem withRequestId(String id) {
        return new Problem(type, title, status, detail, instance, id);
    }
}
