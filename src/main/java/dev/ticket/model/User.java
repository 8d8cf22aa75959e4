package dev.ticket.model;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A user of the service. {@code token} is present only in the answer that created
 * the user (or issued a token): it is never stored and never shown again.
 */
public record User(long id, String name, Role role, String account,
                   @JsonInclude(JsonInclude.Include.NON_NULL) String token) {
}
