package dev.ticket.model;

import com.fasterxml.jackson.annotation.JsonInclude;

/** An RFC 9457 problem details document; {@code type} is a stable kind such as {@code ticket-closed}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, String instance) {
}
