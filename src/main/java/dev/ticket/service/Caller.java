package dev.ticket.service;

import dev.ticket.model.Role;

/** The authenticated user making a request. {@code accountId} is null for staff without an account. */
public record Caller(long userId, String name, Role role, Long accountId, String account) {

    /** Agents and admins: the support team. */
    public boolean team() {
        return role.isTeam();
    }

    public boolean admin() {
        return role == Role.ADMIN;
    }
}
