package dev.ticket.store;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Handle;

/**
 * The store's bookkeeping tables: blob rows, idempotency records and the event log.
 *
 * <p>Event ids must become visible in id order, or a reader that saw event 12 would never see an
 * event 11 that committed after it. A sequence alone does not give that with several writers (ids are
 * taken in one order, commits land in another), so on PostgreSQL a transaction takes a transaction-level
 * advisory lock before its first event: from taking an id to committing, event writers go one at a time,
 * and the lock is released only once the commit is visible. The work before the first event (checks,
 * message rows, blobs) still runs concurrently. The same transaction queues a {@code NOTIFY}, which
 * PostgreSQL delivers to every node's listener at commit. SQLite has one writer at a time already.
 */
abstract class LedgerQueries extends TicketQueries {
    /** Advisory lock keys: a key space of this application ('tick') and the event-order lock in it. */
    static final int LOCK_SPACE = 0x7469636b;
    static final int EVENT_LOCK = 1;
    /** First-start setup, one node at a time. */
    static final int SETUP_LOCK = 2;

    private boolean appendedEvents;

    LedgerQueries(Handle handle, boolean postgres) {
        super(handle, postgres);
    }

    /** True once this transaction appended an event, so listeners are told after the commit. */
    boolean appendedEvents() {
        return appendedEvents;
    }

    public long accountAttachmentBytes(long accountId) {
        return h.createQuery("SELECT COALESCE(SUM(a.size), 0) FROM attachments a JOIN tickets t ON t.id = a.ticket_id "
                + "WHERE t.account_id = :a").bind("a", accountId).mapTo(Long.class).one();
    }

    public boolean blobReferenced(String sha256) {
        return h.createQuery("SELECT 1 FROM attachments WHERE sha256 = :h LIMIT 1").bind("h", sha256)
                .mapTo(Integer.class).findOne().isPresent();
    }

    public void insertBlob(String sha256, long size, Instant now) {
        h.createUpdate("INSERT INTO blobs (sha256, size, created_at) VALUES (:h, :s, :now) "
                        + "ON CONFLICT (sha256) DO NOTHING")
                .bind("h", sha256).bind("s", size).bind("now", now.toEpochMilli()).execute();
    }

    public Set<String> attachmentBlobNames() {
        if (!postgres) {
            // One process owns a SQLite store, so at start no upload is in flight. On PostgreSQL other
            // nodes' uploads may be: PgBlobStore sweeps there, sparing blobs stored recently.
            h.createUpdate("DELETE FROM blobs WHERE sha256 NOT IN (SELECT sha256 FROM attachments)").execute();
        }
        return new HashSet<>(h.createQuery("SELECT DISTINCT sha256 FROM attachments").mapTo(String.class).list());
    }

    public boolean claimIdempotency(long userId, String key, String fingerprint, Instant now) {
        return h.createUpdate("INSERT INTO idempotency (user_id, key, fingerprint, created_at) "
                        + "VALUES (:u, :k, :f, :now) ON CONFLICT (user_id, key) DO NOTHING")
                .bind("u", userId).bind("k", key).bind("f", fingerprint).bind("now", now.toEpochMilli())
                .execute() == 1;
    }

    public Optional<IdempotencyRecord> idempotency(long userId, String key) {
        return h.createQuery("SELECT fingerprint, kind, response FROM idempotency WHERE user_id = :u AND key = :k")
                .bind("u", userId).bind("k", key)
                .map((rs, ctx) -> new IdempotencyRecord(rs.getString(1), rs.getString(2), rs.getString(3)))
                .findOne();
    }

    public void completeIdempotency(long userId, String key, String kind, String response) {
        h.createUpdate("UPDATE idempotency SET kind = :kind, response = :r WHERE user_id = :u AND key = :k")
                .bind("kind", kind).bind("r", response).bind("u", userId).bind("k", key).execute();
    }

    public int expireIdempotency(Instant before) {
        return h.createUpdate("DELETE FROM idempotency WHERE created_at < :t").bind("t", before.toEpochMilli())
                .execute();
    }

    public long appendEvent(long ticketId, long accountId, String kind, String payload, Instant now) {
        if (postgres && !appendedEvents) {
            h.createQuery("SELECT 1 FROM pg_advisory_xact_lock(:space, :key)").bind("space", LOCK_SPACE)
                    .bind("key", EVENT_LOCK).mapTo(Integer.class).one();
            h.createQuery("SELECT 1 FROM pg_notify(:channel, '')").bind("channel", PgEventListener.CHANNEL)
                    .mapTo(Integer.class).one();
        }
        appendedEvents = true;
        return jdbc.insert("INSERT INTO events (ticket_id, account_id, kind, payload, created_at) "
                + "VALUES (?, ?, ?, ?, ?) RETURNING id", ticketId, accountId, kind, payload, now.toEpochMilli());
    }

    public List<EventRow> eventsAfter(long afterId, Long accountId, Long ticketId, int limit) {
        return h.createQuery("SELECT id, ticket_id, account_id, kind, payload FROM events WHERE id > :after "
                        + "AND (:allAccounts OR account_id = :account) AND (:allTickets OR ticket_id = :ticket) "
                        + "ORDER BY id LIMIT :limit")
                .bind("after", afterId).bind("allAccounts", accountId == null)
                .bind("account", accountId == null ? -1 : accountId)
                .bind("allTickets", ticketId == null).bind("ticket", ticketId == null ? -1 : ticketId)
                .bind("limit", limit)
                .map((rs, ctx) -> new EventRow(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4),
                        rs.getString(5)))
                .list();
    }

    public long lastEventId() {
        return h.createQuery("SELECT COALESCE(MAX(id), 0) FROM events").mapTo(Long.class).one();
    }
}
