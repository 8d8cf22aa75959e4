package dev.ticket.store;

import dev.ticket.model.AuditEntry;
import dev.ticket.model.TokenInfo;
import java.time.Instant;
import java.util.List;
import java.util.function.UnaryOperator;
import org.jdbi.v3.core.Handle;

/** Admin hygiene in SQL both stores speak: token metadata, disabled users, the audit log, redaction. */
abstract class AdminQueries extends LedgerQueries {

    AdminQueries(Handle handle, boolean postgres) {
        super(handle, postgres);
    }

    public void insertToken(long userId, String hash, Instant now, Instant expiresAt) {
        h.createUpdate("INSERT INTO tokens (user_id, hash, created_at, expires_at) VALUES (:user, :hash, :now, :exp)")
                .bind("user", userId).bind("hash", hash).bind("now", now.toEpochMilli())
                .bind("exp", expiresAt == null ? null : expiresAt.toEpochMilli()).execute();
    }

    public List<TokenInfo> tokens() {
        return h.createQuery("SELECT t.id, t.user_id, u.name, t.created_at, t.last_used_at, t.expires_at, "
                        + "t.revoked_at, u.disabled_at FROM tokens t JOIN users u ON u.id = t.user_id ORDER BY t.id DESC")
                .map((rs, ctx) -> new TokenInfo(rs.getLong("id"), rs.getLong("user_id"), rs.getString("name"),
                        instant(rs, "created_at"), instant(rs, "last_used_at"), instant(rs, "expires_at"),
                        instant(rs, "revoked_at"), instant(rs, "disabled_at")))
                .list();
    }

    public void tokenUsed(long tokenId, Instant now) {
        h.createUpdate("UPDATE tokens SET last_used_at = :now WHERE id = :id")
                .bind("now", now.toEpochMilli()).bind("id", tokenId).execute();
    }

    public boolean setUserDisabled(long userId, boolean disabled, Instant now) {
        if (disabled && postgres) {
            // every node ends the user's open event streams when this commits (PgEventListener)
            h.createQuery("SELECT 1 FROM pg_notify(:channel, :payload)").bind("channel", PgEventListener.CHANNEL)
                    .bind("payload", PgEventListener.REVOKED + userId).mapTo(Integer.class).one();
        }
        if (disabled) {
            return h.createUpdate("UPDATE users SET disabled_at = :at WHERE id = :id")
                    .bind("at", now.toEpochMilli()).bind("id", userId).execute() > 0;
        }
        // enabled again, its name is in the unique index again (a user kept from before migration 10 had no key)
        String key = h.createQuery("SELECT name FROM users WHERE id = :id").bind("id", userId).mapTo(String.class)
                .findOne().map(UserNames::key).orElse(null);
        return h.createUpdate("UPDATE users SET disabled_at = NULL, name_key = :key WHERE id = :id")
                .bind("key", key).bind("id", userId).execute() > 0;
    }

    public void appendAudit(long actorId, String actor, String action, String target, String client, Instant now) {
        h.createUpdate("INSERT INTO audit (at, actor_id, actor, action, target, client) "
                        + "VALUES (:at, :actorId, :actor, :action, :target, :client)")
                .bind("at", now.toEpochMilli()).bind("actorId", actorId).bind("actor", actor)
                .bind("action", action).bind("target", target).bind("client", client == null ? "" : client)
                .execute();
    }

    public List<AuditEntry> audit(long beforeId, int limit) {
        return h.createQuery("SELECT * FROM audit WHERE (:from = 0 OR id < :from) ORDER BY id DESC LIMIT :limit")
                .bind("from", beforeId).bind("limit", limit)
                .map((rs, ctx) -> new AuditEntry(rs.getLong("id"), instant(rs, "at"), rs.getLong("actor_id"),
                        rs.getString("actor"), rs.getString("action"), rs.getString("target"),
                        rs.getString("client")))
                .list();
    }

    public List<String> redactMessage(long messageId, String note, Instant at) {
        List<String> contents = h.createQuery("SELECT DISTINCT sha256 FROM attachments WHERE message_id = :m")
                .bind("m", messageId).mapTo(String.class).list();
        h.createUpdate("DELETE FROM attachments WHERE message_id = :m").bind("m", messageId).execute();
        h.createUpdate("UPDATE messages SET body = :note, redacted_at = :at WHERE id = :m").bind("note", note)
                .bind("at", at.toEpochMilli()).bind("m", messageId).execute();
        return contents.stream().filter(sha -> h.createUpdate("DELETE FROM blobs WHERE sha256 = :h AND NOT EXISTS "
                        + "(SELECT 1 FROM attachments WHERE sha256 = :h)").bind("h", sha).execute() > 0)
                .toList();
    }

    public int rewriteCopies(long ticketId, String find, UnaryOperator<String> rewrite) {
        String contains = postgres ? "strpos(%s, :find) > 0" : "instr(%s, :find) > 0";
        int changed = 0;
        for (EventRow row : h.createQuery("SELECT id, payload FROM events WHERE ticket_id = :t AND "
                        + contains.formatted("payload"))
                .bind("t", ticketId).bind("find", find)
                .map((rs, ctx) -> new EventRow(rs.getLong("id"), ticketId, 0, "", rs.getString("payload"))).list()) {
            String after = rewrite.apply(row.payload());
            if (!after.equals(row.payload())) {
                changed += h.createUpdate("UPDATE events SET payload = :p WHERE id = :id")
                        .bind("p", after).bind("id", row.id()).execute();
            }
        }
        record Kept(long userId, String key, String response) {
        }
        for (Kept kept : h.createQuery("SELECT user_id, key, response FROM idempotency WHERE response IS NOT NULL "
                        + "AND " + contains.formatted("response"))
                .bind("find", find)
                .map((rs, ctx) -> new Kept(rs.getLong("user_id"), rs.getString("key"), rs.getString("response")))
                .list()) {
            String after = rewrite.apply(kept.response());
            if (!after.equals(kept.response())) {
                changed += h.createUpdate("UPDATE idempotency SET response = :r WHERE user_id = :u AND key = :k")
                        .bind("r", after).bind("u", kept.userId()).bind("k", kept.key()).execute();
            }
        }
        return changed;
    }
}
