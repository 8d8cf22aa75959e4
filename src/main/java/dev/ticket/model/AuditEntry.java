package dev.ticket.model;

import java.time.Instant;

/**
 * One admin action in the audit log ({@code GET /api/v1/admin/audit}): who ({@code actor}, by id and name),
 * what ({@code action}, e.g. {@code user.disable}), on what ({@code target}), when, and from which client address.
 */
public record AuditEntry(long id, Instant at, long actorId, String actor, String action, String target,
                         String client) {
}
