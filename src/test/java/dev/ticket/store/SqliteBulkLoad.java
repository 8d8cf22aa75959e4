package dev.ticket.store;

import dev.ticket.service.TitleFolding;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Random;
import org.flywaydb.core.Flyway;

/**
 * The SQLite side of {@link SearchBench}'s bulk path, the same data set as {@link PgBulkLoad} (see there):
 * rows written with batched inserts into schema version 3, the one before the title index, so that opening
 * the store afterwards runs the later migrations over a million tickets as an upgrade in place does (the
 * title index through {@link TitleGrams}, the list indexes, and the unread index of V9). Through StoreTx one
 * ticket at a time took 14 min here even on a quiet machine; this takes about half a minute before the
 * migrations. {@code target} stops the migrations after that version (to keep an older schema for timing an
 * upgrade); null migrates nothing beyond version 3 here (the store's open does the rest).
 */
final class SqliteBulkLoad {
    private SqliteBulkLoad() {
    }

    static void loadIfEmpty(Path dir, int rows) throws Exception {
        Files.createDirectories(dir);
        String url = "jdbc:sqlite:" + dir.resolve("ticket.db");
        if (Files.exists(dir.resolve("ticket.db"))) {
            return;
        }
        Flyway.configure().dataSource(url, null, null).locations("classpath:db/sqlite")
                .javaMigrations(JdbcTicketStore.SQLITE_JAVA_MIGRATIONS.toArray(new org.flywaydb.core.api.migration
                        .JavaMigration[0])).target("3").load().migrate();
        long t0 = System.nanoTime();
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.execute("PRAGMA journal_mode=WAL");
            c.setAutoCommit(false);
            for (int a = 1; a <= 20; a++) {
                s.execute("INSERT INTO accounts (id, name, created_at) VALUES (" + a + ", 'account-" + a + "', 0)");
                s.execute("INSERT INTO users (id, name, role, account_id, created_at) VALUES (" + a
                        + ", 'customer-" + a + "', 'customer', " + a + ", 0)");
            }
            for (int a = 1; a <= SearchBench.AGENTS; a++) {
                s.execute("INSERT INTO users (id, name, role, account_id, created_at) VALUES (" + (20 + a)
                        + ", 'agent-" + a + "', 'agent', NULL, 0)");
            }
            s.execute("INSERT INTO users (id, name, role, account_id, created_at) VALUES (" + BulkRow.READER
                    + ", 'reader', 'agent', NULL, 0)");
            Random r = new Random(42);
            try (PreparedStatement ticket = c.prepareStatement("INSERT INTO tickets (id, account_id, author_id, "
                    + "title, title_folded, status, type, created_at, updated_at, closed_at, due_at, message_count, "
                    + "last_message_team, activity) VALUES (?, ?, ?, ?, ?, ?, 'question', ?, ?, ?, ?, ?, ?, ?)");
                 PreparedStatement message = c.prepareStatement("INSERT INTO messages (id, ticket_id, author_id, "
                         + "team, body, created_at) VALUES (?, ?, ?, ?, 'What happened: step failed', ?)");
                 PreparedStatement marker = c.prepareStatement("INSERT INTO read_markers (user_id, ticket_id, "
                         + "last_message_id) VALUES (?, ?, ?)")) {
                for (long g = 1; g <= rows; g++) {
                    BulkRow b = BulkRow.next(r, g, rows);
                    ticket.setLong(1, g);
                    ticket.setLong(2, b.customer());
                    ticket.setLong(3, b.customer());
                    ticket.setString(4, b.title());
                    ticket.setString(5, TitleFolding.fold(b.title()));
                    ticket.setString(6, b.done() ? "done" : "on_customer");
                    ticket.setLong(7, g * 1000);
                    ticket.setLong(8, g * 1000);
                    if (b.done()) {
                        ticket.setLong(9, g * 1000);
                    } else {
                        ticket.setNull(9, java.sql.Types.INTEGER);
                    }
                    ticket.setLong(10, g * 1000 + 3_600_000);
                    ticket.setInt(11, b.messages());
                    ticket.setInt(12, b.lastTeam() ? 1 : 0);
                    ticket.setLong(13, 4 * g + 3);
                    ticket.addBatch();
                    add(message, 3 * g - 2, g, b.customer(), 0);
                    if (b.answered()) {
                        add(message, 3 * g - 1, g, b.agent(), 1);
                        if (b.followedUp()) {
                            add(message, 3 * g, g, b.customer(), 0);
                        }
                        add(marker, b.agent(), g, 3 * g - 1);
                    }
                    add(marker, b.customer(), g, b.customerMarker(rows));
                    if (!BulkRow.needle(g, rows)) {
                        add(marker, BulkRow.READER, g, b.latest());
                    }
                    if (g % 10_000 == 0 || g == rows) {
                        ticket.executeBatch();
                        message.executeBatch();
                        marker.executeBatch();
                    }
                    if (g % 100_000 == 0) {
                        c.commit();
                        System.out.printf("bulk: %,d tickets in %.0f s%n", g, (System.nanoTime() - t0) / 1e9);
                    }
                }
            }
            s.execute("INSERT INTO events (id, ticket_id, account_id, kind, payload, created_at) VALUES ("
                    + (4L * rows + 10) + ", 1, 1, 'status', '{}', 0)");
            c.commit();
            try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM tickets")) {
                rs.next();
                System.out.printf("loaded %,d tickets into SQLite in %.0f s (then the migrations build the "
                        + "indexes)%n", rs.getLong(1), (System.nanoTime() - t0) / 1e9);
            }
        }
    }

    private static void add(PreparedStatement message, long id, long ticket, long author, int team)
            throws java.sql.SQLException {
        message.setLong(1, id);
        message.setLong(2, ticket);
        message.setLong(3, author);
        message.setInt(4, team);
        message.setLong(5, ticket * 1000);
        message.addBatch();
    }

    private static void add(PreparedStatement marker, long user, long ticket, long last) throws java.sql.SQLException {
        marker.setLong(1, user);
        marker.setLong(2, ticket);
        marker.setLong(3, last);
        marker.addBatch();
    }
}
