package dev.ticket.model;

/** The JSON body of {@code POST /api/v1/tickets/{id}/messages}. */
public record NewMessage(String body) {
}
