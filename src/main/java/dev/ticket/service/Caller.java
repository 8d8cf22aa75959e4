package dev.ticket.service;

import dev.ticket.model.Role;
import java.time.Instant;

/**
 * The authenticated user making a request. {@code accountId} is null for staff without an account;
 * {@code expiresAt} is when the caller's token stops working (null: never); {@code client} is the request's
 * client address (for the audit log; null when not known).
 */
public record Caller(long userId, String name, Role role, Long accountId, String account, Instant expiresAt,
                     String client) {

    public Caller(long userId, String name, Role role, Long accountId, String account) {
        this(userId, name, role, accountId, account, null, null);
    }

    /** The same caller, seen coming from {@code address}. */
    public Caller from(String address) {
        return new Caller(userId, name, role, accountId, account, expiresAt, address);
    }

    /** Agents and admins: the support team. */
    public boolean team() {
        return role.isTeam();
    }

    public boolean admin() {
        return role == Role.ADMIN;
    }
}
