package dev.ticket.model;

import com.fasterxml.jackson.annotation.JsonInclude;

/** The JSON body of {@code POST /api/v1/tickets/{id}/messages}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record NewMessage(String body) {
}
