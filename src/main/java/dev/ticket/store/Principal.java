package dev.ticket.store;

import dev.ticket.model.Role;
import java.time.Instant;

/**
 * The user behind a bearer token. {@code accountId}/{@code account} are null for staff without one;
 * {@code expiresAt} is null for a token without expiry; {@code disabled}: the user is disabled, the token refused.
 */
public record Principal(long userId, String name, Role role, Long accountId, String account, long tokenId,
                        Instant expiresAt, boolean disabled) {
}
