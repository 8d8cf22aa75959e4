package dev.ticket.store;

import dev.ticket.model.Attachment;
import dev.ticket.model.Author;
import dev.ticket.model.Message;
import dev.ticket.model.Role;
import dev.ticket.model.User;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Handle;

/** {@link StoreTx} over one JDBC transaction; SQL that SQLite and PostgreSQL both speak. */
class JdbcStoreTx extends AdminQueries implements StoreTx {

    /** SQLite's group commit: title index rows it writes once the batch's savepoints are released (else null). */
    private final List<Object[]> titleRows;

    JdbcStoreTx(Handle handle, boolean postgres) {
        this(handle, postgres, null);
    }

    JdbcStoreTx(Handle handle, boolean postgres, List<Object[]> titleRows) {
        super(handle, postgres);
        this.titleRows = titleRows;
    }

    /** The title index's row of a new ticket, as {@link #insertTitleRows} writes it. */
    static final String TITLE_ROW = "INSERT INTO " + SqliteTitleIndex.TABLE + " (rowid, grams) VALUES (?, ?)";

    /**
     * Writes title index rows kept back by a group commit. Outside the savepoints: an FTS5 table writes what it
     * has pending to its segments at each savepoint it takes part in, so a row per savepoint made a segment, and
     * merges of them, per ticket; written together, the batch's rows make one segment at the commit.
     */
    static void insertTitleRows(Handle h, List<Object[]> rows) {
        PlainJdbc jdbc = new PlainJdbc(h);
        for (Object[] row : rows) {
            jdbc.update(TITLE_ROW, row);
        }
    }

    @Override
    public Optional<Long> accountId(String name, boolean create, Instant now) {
        if (create) {
            h.createUpdate("INSERT INTO accounts (name, created_at) VALUES (:name, :now) ON CONFLICT (name) DO NOTHING")
                    .bind("name", name).bind("now", now.toEpochMilli()).execute();
        }
        return h.createQuery("SELECT id FROM accounts WHERE name = :name").bind("name", name)
                .mapTo(Long.class).findOne();
    }

    @Override
    public User insertUser(String name, Role role, Long accountId, Instant now) {
        long id = h.createUpdate("INSERT INTO users (name, name_key, role, account_id, created_at) "
                        + "VALUES (:name, :key, :role, :account, :now)")
                .bind("name", name).bind("key", UserNames.key(name)).bind("role", role.wire())
                .bind("account", accountId)
                .bind("now", now.toEpochMilli())
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
        try {
            UnreadIndex.fill(h.getConnection(), id, role.isTeam(), accountId);
        } catch (java.sql.SQLException e) {
            throw new StoreException("cannot add the new user's unread tickets: " + e.getMessage(), e);
        }
        return user(id).orElseThrow();
    }

    private static final String USER_SQL = "SELECT u.id, u.name, u.role, u.disabled_at, a.name AS account FROM users u "
            + "LEFT JOIN accounts a ON a.id = u.account_id ";

    @Override
    public Optional<User> user(long userId) {
        return h.createQuery(USER_SQL + "WHERE u.id = :id").bind("id", userId).map(JdbcStoreTx::userRow).findOne();
    }

    @Override
    public Optional<User> userByName(String name) {
        return h.createQuery(USER_SQL + "WHERE u.name = :name ORDER BY u.id LIMIT 1").bind("name", name)
                .map(JdbcStoreTx::userRow).findOne();
    }

    @Override
    public Optional<User> enabledUserNamed(String name, long otherThan) {
        return h.createQuery(USER_SQL + "WHERE u.name_key = :key AND u.disabled_at IS NULL AND u.id <> :other "
                        + "ORDER BY u.id LIMIT 1")
                .bind("key", UserNames.key(name)).bind("other", otherThan).map(JdbcStoreTx::userRow).findOne();
    }

    @Override
    public List<User> users() {
        return h.createQuery(USER_SQL + "ORDER BY u.id").map(JdbcStoreTx::userRow).list();
    }

    @Override
    public List<User> agents() {
        return h.createQuery(USER_SQL + "WHERE u.role <> 'customer' ORDER BY u.name, u.id")
                .map(JdbcStoreTx::userRow).list();
    }

    private static User userRow(ResultSet rs, org.jdbi.v3.core.statement.StatementContext ctx) throws SQLException {
        return new User(rs.getLong("id"), rs.getString("name"), Role.parse(rs.getString("role")),
                rs.getString("account"), null, instant(rs, "disabled_at"));
    }

    @Override
    public long userCount() {
        return h.createQuery("SELECT COUNT(*) FROM users").mapTo(Long.class).one();
    }

    @Override
    public void insertToken(long userId, String hash, Instant now) {
        insertToken(userId, hash, now, null);
    }

    @Override
    public Optional<Principal> principalByTokenHash(String hash) {
        return h.createQuery("SELECT u.id, u.name, u.role, u.account_id, a.name AS account, t.id AS token_id, "
                        + "t.expires_at, u.disabled_at FROM tokens t "
                        + "JOIN users u ON u.id = t.user_id LEFT JOIN accounts a ON a.id = u.account_id "
                        + "WHERE t.hash = :hash AND t.revoked_at IS NULL")
                .bind("hash", hash)
                .map((rs, ctx) -> {
                    Long expires = nullableLong(rs, "expires_at");
                    return new Principal(rs.getLong("id"), rs.getString("name"), Role.parse(rs.getString("role")),
                            nullableLong(rs, "account_id"), rs.getString("account"), rs.getLong("token_id"),
                            expires == null ? null : Instant.ofEpochMilli(expires),
                            nullableLong(rs, "disabled_at") != null);
                })
                .findOne();
    }

    @Override
    public int revokeTokens(long userId, Instant now) {
        if (postgres) {
            // every node ends the user's open event streams when this commits (PgEventListener)
            h.createQuery("SELECT 1 FROM pg_notify(:channel, :payload)").bind("channel", PgEventListener.CHANNEL)
                    .bind("payload", PgEventListener.REVOKED + userId).mapTo(Integer.class).one();
        }
        return h.createUpdate("UPDATE tokens SET revoked_at = :now WHERE user_id = :user AND revoked_at IS NULL")
                .bind("now", now.toEpochMilli()).bind("user", userId).execute();
    }

    @Override
    public long insertTicket(NewTicketRow row) {
        long id = jdbc.insert("INSERT INTO tickets (account_id, author_id, title, title_folded, status, type, about, "
                        + "dialog_url, dedupe_key, created_at, updated_at, due_at, activity) VALUES (?, ?, ?, ?, "
                        + "'on_customer', ?, ?, ?, ?, ?, ?, ?, 0) RETURNING id",
                row.accountId(), row.authorId(), row.title(), row.titleFolded(), row.type().wire(), row.about(),
                row.dialogUrl(), row.dedupeKey(), row.createdAt().toEpochMilli(), row.createdAt().toEpochMilli(),
                row.dueAt().toEpochMilli());
        if (!postgres) {
            Object[] title = {id, TitleGrams.of(row.titleFolded())};
            if (titleRows != null) {
                titleRows.add(title);
            } else {
                jdbc.update(TITLE_ROW, title);
            }
        }
        return id;
    }

    @Override
    public void insertRefs(long ticketId, Collection<Long> refs) {
        for (Long ref : new java.util.LinkedHashSet<>(refs)) {
            h.createUpdate("INSERT INTO ticket_refs (ticket_id, ref_id) VALUES (:t, :r)")
                    .bind("t", ticketId).bind("r", ref).execute();
        }
    }

    @Override
    public void insertLabels(long ticketId, Collection<String> labels) {
        for (String label : new java.util.LinkedHashSet<>(labels)) {
            h.createUpdate("INSERT INTO ticket_labels (ticket_id, label) VALUES (:t, :l)")
                    .bind("t", ticketId).bind("l", label).execute();
        }
    }

    @Override
    public int countTicketsInAccount(Collection<Long> ticketIds, long accountId) {
        if (ticketIds.isEmpty()) {
            return 0;
        }
        return h.createQuery("SELECT COUNT(*) FROM tickets WHERE account_id = :account AND id IN (<ids>)")
                .bind("account", accountId).bindList("ids", new ArrayList<>(new HashSet<>(ticketIds)))
                .mapTo(Integer.class).one();
    }

    /** Who reads a message of the team (the account's customers) or of a customer (the team): see UnreadIndex. */
    private static final String TEAM_WROTE = "INSERT INTO unread (user_id, ticket_id) SELECT u.id, t.id FROM tickets t "
            + "JOIN users u ON u.account_id = t.account_id WHERE t.id = ? AND u.role = 'customer' "
            + "ON CONFLICT DO NOTHING";
    private static final String CUSTOMER_WROTE = "INSERT INTO unread (user_id, ticket_id) SELECT u.id, ? FROM users u "
            + "WHERE u.role <> 'customer' ON CONFLICT DO NOTHING";

    @Override
    public long insertMessage(long ticketId, long authorId, boolean team, String body, Instant now) {
        long id = jdbc.insert("INSERT INTO messages (ticket_id, author_id, team, body, created_at) "
                + "VALUES (?, ?, ?, ?, ?) RETURNING id", ticketId, authorId, team ? 1 : 0, body, now.toEpochMilli());
        jdbc.update(team ? TEAM_WROTE : CUSTOMER_WROTE, ticketId);
        return id;
    }

    @Override
    public long insertAttachment(NewAttachmentRow row) {
        return h.createUpdate("INSERT INTO attachments (message_id, ticket_id, filename, content_type, size, sha256) "
                        + "VALUES (:m, :t, :f, :c, :s, :h)")
                .bind("m", row.messageId()).bind("t", row.ticketId()).bind("f", row.filename())
                .bind("c", row.contentType()).bind("s", row.size()).bind("h", row.sha256())
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
    }

    @Override
    public void touchTicket(long ticketId, Instant now, long activity, boolean lastMessageTeam) {
        jdbc.update("UPDATE tickets SET updated_at = ?, activity = ?, message_count = message_count + 1, "
                + "last_message_team = ? WHERE id = ?", now.toEpochMilli(), activity, lastMessageTeam ? 1 : 0, ticketId);
    }

    @Override
    public void closeTicket(long ticketId, Instant now, long activity) {
        h.createUpdate("UPDATE tickets SET status = 'done', closed_at = :now, updated_at = :now, "
                        + "activity = :activity WHERE id = :id")
                .bind("now", now.toEpochMilli()).bind("activity", activity).bind("id", ticketId).execute();
    }

    @Override
    public void assignTicket(long ticketId, Long assigneeId) {
        h.createUpdate("UPDATE tickets SET assignee_id = :assignee WHERE id = :id")
                .bind("assignee", assigneeId).bind("id", ticketId).execute();
    }

    @Override
    public Optional<Long> openTicketByDedupeKey(long accountId, String dedupeKey) {
        return h.createQuery("SELECT id FROM tickets WHERE account_id = :a AND dedupe_key = :k "
                        + "AND status = 'on_customer'")
                .bind("a", accountId).bind("k", dedupeKey).mapTo(Long.class).findOne();
    }

    @Override
    public Optional<Long> latestTicketByDedupeKey(long accountId, String dedupeKey) {
        return h.createQuery("SELECT id FROM tickets WHERE account_id = :a AND dedupe_key = :k "
                        + "ORDER BY id DESC LIMIT 1")
                .bind("a", accountId).bind("k", dedupeKey).mapTo(Long.class).findOne();
    }

    private static final String MARK_READ = "INSERT INTO read_markers (user_id, ticket_id, last_message_id) "
            + "VALUES (?, ?, ?) ON CONFLICT (user_id, ticket_id) DO UPDATE SET last_message_id = "
            + "CASE WHEN excluded.last_message_id > read_markers.last_message_id "
            + "THEN excluded.last_message_id ELSE read_markers.last_message_id END";

    @Override
    public void markReadOwnMessage(long userId, long ticketId, long messageId) {
        jdbc.update(MARK_READ, userId, ticketId, messageId);
        jdbc.update("DELETE FROM unread WHERE user_id = ? AND ticket_id = ?", userId, ticketId);
    }

    @Override
    public void markRead(long userId, long ticketId, long lastMessageId) {
        jdbc.update(MARK_READ, userId, ticketId, lastMessageId);
        // read up to the other side's last message: no longer unread (a marker behind it keeps the row)
        jdbc.update("DELETE FROM unread WHERE user_id = ? AND ticket_id = ? AND NOT EXISTS (SELECT 1 "
                + "FROM messages m JOIN users v ON v.id = ? WHERE m.ticket_id = ? AND m.id > ? "
                + "AND m.team = CASE WHEN v.role = 'customer' THEN 1 ELSE 0 END)",
                userId, ticketId, userId, ticketId, lastMessageId);
    }

    @Override
    public long readMarker(long userId, long ticketId) {
        return h.createQuery("SELECT last_message_id FROM read_markers WHERE user_id = :u AND ticket_id = :t")
                .bind("u", userId).bind("t", ticketId).mapTo(Long.class).findOne().orElse(0L);
    }

    @Override
    public Optional<Attachment> attachment(long attachmentId, Viewer viewer) {
        return h.createQuery("SELECT at.* FROM attachments at JOIN tickets t ON t.id = at.ticket_id "
                        + "WHERE at.id = :id AND (:all OR t.account_id = :account)")
                .bind("id", attachmentId).bind("all", viewer.accountId() == null)
                .bind("account", viewer.accountId() == null ? -1 : viewer.accountId())
                .map((rs, ctx) -> attachmentRow(rs)).findOne();
    }
}
