package dev.ticket.model;

/** The JSON body of {@code POST /api/v1/users}; customers need an account. */
public record NewUser(String name, Role role, String account) {
}
