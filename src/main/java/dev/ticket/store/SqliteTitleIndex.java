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
 * SQLite migration 4: the title index ({@link TitleGrams}) as an FTS5 table keyed by ticket id, filled
 * from the tickets already stored, with its progress in the log (a million tickets take a minute or
 * two). From then on the store writes a ticket's row in the transaction that inserts the ticket.
 * Contentless ({@code content=''}) and without positions ({@code detail=none}): it only answers "which
 * tickets have all these pieces", and the ticket row itself is checked for the whole text.
 */
final class SqliteTitleIndex extends RowMigration {
    static final String TABLE = "ticket_title_grams";
    private static final Logger LOG = LoggerFactory.getLogger("ticket.store");
    private static final int BATCH = 10_000;

    SqliteTitleIndex() {
        super(4, "title search index");
    }

    @Override
    public void migrate(Context context) throws SQLException {
        Connection c = context.getConnection();
        try (Statement s = c.createStatement()) {
            s.execute("CREATE VIRTUAL TABLE " + TABLE + " USING fts5(grams, content='', tokenize='ascii', "
                    + "detail=none, columnsize=0)");
        }
        long total = count(c);
        if (total == 0) {
            return;
        }
        LOG.info("building the title search index for {} tickets", total);
        long started = System.nanoTime();
        long done = 0;
        long after = 0;
        long nextLog = 100_000;
        try (PreparedStatement read = c.prepareStatement(
                "SELECT id, title_folded FROM tickets WHERE id > ? ORDER BY id LIMIT " + BATCH);
             PreparedStatement write = c.prepareStatement(
                     "INSERT INTO " + TABLE + " (rowid, grams) VALUES (?, ?)")) {
            while (true) {
                read.setLong(1, after);
                int rows = 0;
                try (ResultSet rs = read.executeQuery()) {
                    while (rs.next()) {
                        after = rs.getLong(1);
                        write.setLong(1, after);
                        write.setString(2, TitleGrams.of(rs.getString(2)));
                        write.addBatch();
                        rows++;
                    }
                }
                if (rows == 0) {
                    break;
                }
                write.executeBatch();
                done += rows;
                if (done >= nextLog) {
                    LOG.info("title search index: {} of {} tickets ({} s)", done, total,
                            (System.nanoTime() - started) / 1_000_000_000);
                    nextLog += 100_000;
                }
            }
        }
        optimize(c);
        LOG.info("title search index built for {} tickets in {} s", done,
                (System.nanoTime() - started) / 1_000_000_000);
    }

    /** Merges the index into one segment: lookups then read one list per piece. */
    static void optimize(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("INSERT INTO " + TABLE + " (" + TABLE + ") VALUES ('optimize')");
        }
    }

    private static long count(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM tickets")) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
