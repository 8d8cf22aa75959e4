package dev.ticket.client;

import dev.ticket.model.Problem;

/** The ticket is Done and cannot change (rules.md R4); the message suggests {@code ticket new --ref N}. */
public class TicketClosedException extends ApiException {
    public TicketClosedException(String message, Problem problem) {
        super(message, problem);
    }
}
