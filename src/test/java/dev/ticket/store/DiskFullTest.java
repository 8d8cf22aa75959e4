package dev.ticket.store;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ticket.testing.Tmpfs;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link DiskFull} recognises what a really full file system throws: a 2 MiB tmpfs mounted for the test (skipped
 * only where mounting is not allowed) filled by a file write and by SQLite, and does not take other failures
 * for it.
 */
class DiskFullTest {
    @TempDir
    static Path dir;
    static Path mount;

    @BeforeAll
    static void mount() throws Exception {
        mount = Tmpfs.mount(dir.resolve("tiny"), "2m");
    }

    @AfterAll
    static void unmount() throws Exception {
        if (mount != null) {
            Tmpfs.unmount(mount);
        }
    }

    @Test
    void aFileWriteOnAFullDiskIsDiskFull() throws IOException {
        Path file = mount.resolve("filler.bin");
        IOException e = assertThrows(IOException.class, () -> {
            try (OutputStream out = Files.newOutputStream(file)) {
                byte[] block = new byte[64 * 1024];
                for (int i = 0; i < 1000; i++) {
                    out.write(block);
                    out.flush();
                }
            }
        });
        assertTrue(DiskFull.is(new java.io.UncheckedIOException(e)), e.toString());
        Files.delete(file);
    }

    @Test
    void sqliteOnAFullDiskIsDiskFull() throws Exception {
        SQLException e = assertThrows(SQLException.class, () -> {
            try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + mount.resolve("full.db"));
                 Statement s = c.createStatement()) {
                s.execute("PRAGMA journal_mode=WAL");
                s.execute("CREATE TABLE t (b BLOB)");
                try (PreparedStatement insert = c.prepareStatement("INSERT INTO t VALUES (?)")) {
                    for (int i = 0; i < 1000; i++) {
                        insert.setBytes(1, new byte[64 * 1024]);
                        insert.executeUpdate();
                    }
                }
            }
        });
        assertTrue(DiskFull.is(new StoreException("write failed", e)), e.toString());
        Files.deleteIfExists(mount.resolve("full.db"));
        Files.deleteIfExists(mount.resolve("full.db-wal"));
        Files.deleteIfExists(mount.resolve("full.db-shm"));
    }

    @Test
    void otherFailuresAreNot() {
        assertFalse(DiskFull.is(new IOException("Connection reset by peer")));
        assertFalse(DiskFull.is(new SQLException("database is locked", "HY000", 5)));
        assertFalse(DiskFull.is(new IllegalStateException("exceeds")));
    }
}
