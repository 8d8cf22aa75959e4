package dev.ticket.client;

import dev.ticket.model.Problem;

/** The token is missing, unknown or revoked (401), or the caller may not do this (403). */
public class NotAuthorizedException extends ApiException {
    public NotAuthorizedException(String message, Problem problem) {
        super(message, problem);
    }
}
