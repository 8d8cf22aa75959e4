package dev.ticket.store;

import dev.ticket.model.Role;

/** The user behind a bearer token. {@code accountId}/{@code account} are null for staff without one. */
public record Principal(long userId, String name, Role role, Long accountId, String account) {
}
