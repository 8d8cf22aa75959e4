package dev.ticket.model;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The JSON body of {@code POST /api/v1/users}; customers need an account (left out, never null, without one).
 * {@code expiresIn}: seconds until the first token stops working (left out: it does not expire).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record NewUser(String name, Role role, String account, Long expiresIn) {

    public NewUser(String name, Role role, String account) {
        this(name, role, account, null);
    }
}
