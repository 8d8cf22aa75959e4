package dev.ticket.store;

import dev.ticket.files.BackupArchive;
import dev.ticket.files.Trees;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A consistent copy of a SQLite store while it keeps taking writes: {@code VACUUM INTO} copies the database
 * inside one read transaction (WAL: writers go on), then every attachment file the copy names is hard-linked
 * (or copied) beside it. Attachment files never change once stored, and one is stored before the row that
 * names it commits, so each file the copy names exists unless it was deleted since; then the snapshot is taken
 * again. The copy lives in a {@code backup-*} directory of the data directory, removed when it is closed (and
 * at the next start after a crash).
 */
final class SqliteSnapshot {
    static final String PREFIX = "backup-";
    private static final Logger LOG = LoggerFactory.getLogger("ticket.store");
    private static final int ATTEMPTS = 3;

    private SqliteSnapshot() {
    }

    static BackupArchive.Snapshot take(Jdbi jdbi, Path dataDir, int schemaVersion) throws IOException {
        for (int attempt = 1; ; attempt++) {
            Path work = Files.createTempDirectory(dataDir, PREFIX);
            try {
                Path db = work.resolve(BackupArchive.DATABASE);
                jdbi.useHandle(h -> h.execute("VACUUM INTO ?", db.toString()));
                Contents contents = contents(db);
                List<BackupArchive.Blob> blobs = new ArrayList<>();
                int missing = 0;
                for (String sha : contents.blobs()) {
                    String name = BackupArchive.blobPath(sha);
                    if (link(dataDir.resolve(name), work.resolve(name))) {
                        blobs.add(new BackupArchive.Blob(sha, Files.size(work.resolve(name))));
                    } else {
                        missing++;
                    }
                }
                if (missing > 0 && attempt < ATTEMPTS) {
                    Trees.delete(work);
                    continue;
                }
                if (missing > 0) {
                    LOG.warn("backup: {} attachment file(s) named by the database are missing; left out", missing);
                }
                BackupArchive.Manifest manifest = new BackupArchive.Manifest(BackupArchive.FORMAT,
                        BackupArchive.VERSION, Instant.now().toString(), schemaVersion, contents.tickets(),
                        contents.messages(), contents.attachments(), BackupArchive.digest(db), List.copyOf(blobs));
                return new BackupArchive.Snapshot(work, manifest);
            } catch (IOException | RuntimeException e) {
                Trees.delete(work);
                throw e;
            }
        }
    }

    private record Contents(long tickets, long messages, long attachments, List<String> blobs) {
    }

    /** Counts and attachment files of the copy, read from the copy itself (not the live store). */
    private static Contents contents(Path db) throws IOException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
             Statement s = c.createStatement()) {
            long tickets = count(s, "SELECT count(*) FROM tickets");
            long messages = count(s, "SELECT count(*) FROM messages");
            long attachments = count(s, "SELECT count(*) FROM attachments");
            List<String> blobs = new ArrayList<>();
            try (ResultSet rs = s.executeQuery("SELECT DISTINCT sha256 FROM attachments ORDER BY sha256")) {
                while (rs.next()) {
                    blobs.add(rs.getString(1));
                }
            }
            return new Contents(tickets, messages, attachments, blobs);
        } catch (SQLException e) {
            throw new IOException("cannot read the database copy: " + e.getMessage(), e);
        }
    }

    private static long count(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            return rs.next() ? rs.getLong(1) : 0;
        }
    }

    /** Hard-links (or, where the file system cannot, copies) {@code from}; false when it is gone. */
    private static boolean link(Path from, Path to) throws IOException {
        Files.createDirectories(to.getParent());
        try {
            Files.createLink(to, from);
            return true;
        } catch (NoSuchFileException e) {
            return false;
        } catch (UnsupportedOperationException | FileSystemException e) {
            try {
                Files.copy(from, to);
                return true;
            } catch (NoSuchFileException gone) {
                return false;
            }
        }
    }

    /** Removes the copies a crash left behind (called before the service serves). */
    static void sweepStale(Path dataDir) {
        try (DirectoryStream<Path> stale = Files.newDirectoryStream(dataDir, PREFIX + "*")) {
            for (Path dir : stale) {
                if (Files.isDirectory(dir)) {
                    Trees.delete(dir);
                }
            }
        } catch (IOException e) {
            LOG.warn("cannot remove old backup copies in {}: {}", dataDir, e.getMessage());
        }
    }
}
