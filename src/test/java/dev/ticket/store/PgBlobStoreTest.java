package dev.ticket.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.ticket.model.Ticket;
import dev.ticket.service.Upload;
import dev.ticket.testing.PgDatabase;
import dev.ticket.testing.PostgresAvailable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/** Attachment bytes in PostgreSQL: chunked, and swept only when unreferenced and an hour old. */
@ExtendWith(PostgresAvailable.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PgBlobStoreTest {
    PgDatabase db;
    Path spool;
    JdbcTicketStore store;

    @BeforeAll
    void open() throws IOException {
        db = PgDatabase.create();
        spool = Files.createTempDirectory("ticket-spool-");
        store = JdbcTicketStore.openPostgres(db.url(), 2, spool);
    }

    @AfterAll
    void close() {
        if (store != null) {
            store.close();
        }
        if (db != null) {
            db.close();
        }
    }

    @Test
    void a_file_is_stored_in_chunks_and_read_back_whole() throws Exception {
        byte[] content = ("x".repeat(PgBlobStore.CHUNK * 2 + 5)).getBytes(StandardCharsets.US_ASCII);
        String sha = put(content);
        assertEquals(3, count("SELECT COUNT(*) FROM blob_chunks WHERE sha256 = '" + sha + "'"));
        try (InputStream in = store.blobs().open(sha)) {
            assertArrayEquals(content, in.readAllBytes());
        }
    }

    @Test
    void an_unreferenced_blob_survives_the_sweep_while_it_may_be_an_upload_in_flight() throws Exception {
        String fresh = put(unique());
        store.sweepOrphanBlobs();
        store.blobs().open(fresh).close();

        String old = put(unique());
        age(old);
        store.sweepOrphanBlobs();
        assertThrows(NoSuchFileException.class, () -> store.blobs().open(old));
        assertEquals(0, count("SELECT COUNT(*) FROM blob_chunks WHERE sha256 = '" + old + "'"));
    }

    @Test
    void storing_an_old_orphan_again_makes_it_fresh() throws Exception {
        byte[] content = unique();
        String sha = put(content);
        age(sha);
        put(content);
        store.sweepOrphanBlobs();
        store.blobs().open(sha).close();
    }

    @Test
    void a_blob_an_attachment_names_is_kept_however_old() throws Exception {
        StoreFixture f = new StoreFixture(store);
        Ticket t = f.open("With a file");
        byte[] content = unique();
        Path temp = Files.createTempFile(spool, "up-", ".part");
        Files.write(temp, content);
        String sha = sha(content);
        f.tickets.reply(f.customer, t.id(), "See file", List.of(new Upload("a.txt", temp, content.length, sha)), null);
        age(sha);
        store.sweepOrphanBlobs();
        try (InputStream in = store.blobs().open(sha)) {
            assertArrayEquals(content, in.readAllBytes());
        }
    }

    private String put(byte[] content) throws Exception {
        Path temp = Files.createTempFile(spool, "up-", ".part");
        Files.write(temp, content);
        String sha = sha(content);
        store.blobs().put(sha, temp);
        Files.delete(temp);
        return sha;
    }

    private void age(String sha) throws SQLException {
        try (Connection c = DriverManager.getConnection(db.url()); Statement s = c.createStatement()) {
            s.executeUpdate("UPDATE blobs SET created_at = created_at - " + 2 * 3600 * 1000 + " WHERE sha256 = '"
                    + sha + "'");
        }
    }

    private long count(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(db.url()); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static byte[] unique() {
        return UUID.randomUUID().toString().getBytes(StandardCharsets.US_ASCII);
    }

    private static String sha(byte[] content) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    }
}
