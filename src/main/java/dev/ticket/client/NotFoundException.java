package dev.ticket.client;

import dev.ticket.model.Problem;

/** No such ticket, user or attachment for this caller (404); other accounts' tickets look the same. */
public class NotFoundException extends ApiException {
    public NotFoundException(String message, Problem problem) {
        super(message, problem);
    }
}
