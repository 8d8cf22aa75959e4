package dev.ticket.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/**
 * What an admin may know about a token ({@code GET /api/v1/admin/tokens}): never the token or its hash.
 * {@code lastUsedAt} is accurate to about a minute; absent fields were never set (never used, no expiry,
 * not revoked, user not disabled). A token of a disabled user stops working until the user is enabled again.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TokenInfo(long id, long userId, String user, Instant createdAt, Instant lastUsedAt,
                        Instant expiresAt, Instant revokedAt, Instant userDisabledAt) {
}
