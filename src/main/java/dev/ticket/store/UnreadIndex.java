package dev.ticket.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.flywaydb.core.api.migration.Context;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Migration 9, both stores: the {@code unread} table, one row per person and ticket where the other side has
 * written after that person's read marker (no marker: after nothing). It is what the {@code unread} filter
 * reads, so a viewer who has read all but a few tickets gets them from an index instead of a walk past every
 * ticket they may see. The store keeps it in the transaction of each write: a message adds the row for every
 * reader on the other side (customers of the ticket's account, or the whole team), a read marker that
 * reaches the other side's last message removes it, a new user gets the rows of the tickets already there.
 * Filled here from the tickets and read markers already stored, user by user, with the progress in the log.
 */
final class UnreadIndex extends RowMigration {
    private static final Logger LOG = LoggerFactory.getLogger("ticket.store");
    private final boolean postgres;

    UnreadIndex(boolean postgres) {
        super(9, "unread index");
        this.postgres = postgres;
    }

    @Override
    public void migrate(Context context) throws SQLException {
        Connection c = context.getConnection();
        try (Statement s = c.createStatement()) {
            s.execute(postgres
                    ? "CREATE TABLE unread (user_id BIGINT NOT NULL, ticket_id BIGINT NOT NULL, "
                    + "PRIMARY KEY (user_id, ticket_id))"
                    : "CREATE TABLE unread (user_id INTEGER NOT NULL, ticket_id INTEGER NOT NULL, "
                    + "PRIMARY KEY (user_id, ticket_id)) WITHOUT ROWID");
            // who reads a customer's message (the team) and who reads the team's (the account's customers)
            s.execute("CREATE INDEX users_team ON users (id) WHERE role <> 'customer'");
            s.execute("CREATE INDEX users_account ON users (account_id)");
        }
        long started = System.nanoTime();
        int users = 0;
        long rows = 0;
        long lastLog = started;
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT id, role, account_id FROM users ORDER BY id")) {
            int total = count(c);
            while (rs.next()) {
                long account = rs.getLong(3);
                rows += fill(c, rs.getLong(1), !"customer".equals(rs.getString(2)), rs.wasNull() ? null : account);
                users++;
                if (System.nanoTime() - lastLog > 5_000_000_000L || users == total) {
                    lastLog = System.nanoTime();
                    LOG.info("unread index: {} of {} users, {} rows ({} s)", users, total, rows,
                            (lastLog - started) / 1_000_000_000);
                }
            }
        }
    }

    /**
     * Writes the rows of one user: the tickets they may see where the other side wrote after their read marker.
     * A new user has no marker, so every ticket with a message from the other side is unread for them.
     */
    static long fill(Connection c, long userId, boolean team, Long accountId) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO unread (user_id, ticket_id) "
                + "SELECT ?, t.id FROM tickets t WHERE " + (team ? "" : "t.account_id = ? AND ")
                + "EXISTS (SELECT 1 FROM messages m WHERE m.ticket_id = t.id AND m.team = ? AND m.id > "
                + "COALESCE((SELECT r.last_message_id FROM read_markers r WHERE r.user_id = ? "
                + "AND r.ticket_id = t.id), 0))")) {
            int i = 1;
            insert.setLong(i++, userId);
            if (!team) {
                insert.setLong(i++, accountId == null ? -1 : accountId);
            }
            insert.setInt(i++, team ? 0 : 1);
            insert.setLong(i, userId);
            return insert.executeUpdate();
        }
    }

    private static int count(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM users")) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
