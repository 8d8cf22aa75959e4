package dev.ticket.client;

import dev.ticket.model.Problem;

/** The service refused the request as invalid, too large or of an unsupported type (400, 413, 415, 422). */
public class InvalidRequestException extends ApiException {
    public InvalidRequestException(String message, Problem problem) {
        super(message, problem);
    }
}
