package dev.ticket.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/**
 * A user of the service. {@code token} is present only in the answer that created
 * the user (or issued a token): it is never stored and never shown again. {@code disabledAt}
 * is present only while an admin has the user disabled.
 */
public record User(long id, String name, Role role, String account,
                   @JsonInclude(JsonInclude.Include.NON_NULL) String token,
                   @JsonInclude(JsonInclude.Include.NON_NULL) Instant disabledAt) {

    public User(long id, String name, Role role, String account, String token) {
        this(id, name, role, account, token, null);
    }
}
