package dev.ticket.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;

/**
 * Blobs in PostgreSQL as {@code bytea} chunks of at most {@link #CHUNK} bytes, so every node serves
 * every file and neither direction holds a whole file in memory. It uses a connection pool of its
 * own: a blob is written while the request's transaction holds a connection of the main pool, and
 * sharing one pool would let enough concurrent uploads wait on each other for ever.
 */
record PgBlobStore(Jdbi jdbi, Path tempDir, Clock clock) implements BlobStore {
    static final int CHUNK = 256 * 1024;
    /** An unreferenced blob younger than this may belong to an upload still in flight on some node. */
    static final Duration ORPHAN_AGE = Duration.ofHours(1);

    PgBlobStore {
        BlobStore.directories(tempDir);
    }

    /**
     * Copies the file in (the caller deletes it). The {@code blobs} row is inserted first: a second
     * node storing the same content waits on its key and then finds it, so content is written once.
     */
    @Override
    public void put(String sha256, Path tempFile) throws IOException {
        check(sha256);
        long size = Files.size(tempFile);
        long now = clock.millis();
        try (InputStream in = Files.newInputStream(tempFile)) {
            jdbi.useTransaction(h -> {
                int inserted = h.createUpdate("INSERT INTO blobs (sha256, size, created_at) VALUES (:h, :s, :now) "
                                + "ON CONFLICT (sha256) DO NOTHING")
                        .bind("h", sha256).bind("s", size).bind("now", now).execute();
                if (inserted == 0) {
                    // Stored before: mark it fresh so a sweep on another node does not take it now.
                    h.createUpdate("UPDATE blobs SET created_at = :now WHERE sha256 = :h")
                            .bind("now", now).bind("h", sha256).execute();
                    return;
                }
                byte[] buffer = new byte[CHUNK];
                for (int seq = 0; ; seq++) {
                    int n = in.readNBytes(buffer, 0, CHUNK);
                    if (n == 0) {
                        break;
                    }
                    byte[] data = n == CHUNK ? buffer : java.util.Arrays.copyOf(buffer, n);
                    h.createUpdate("INSERT INTO blob_chunks (sha256, seq, data) VALUES (:h, :seq, :data)")
                            .bind("h", sha256).bind("seq", seq).bind("data", data).execute();
                }
            });
        } catch (JdbiException e) {
            throw new IOException("cannot store the file in the database: " + e.getMessage(), e);
        }
    }

    /**
     * Left to the sweep: another node may be between storing the same content (which found this row)
     * and committing its message, and only the age rule of {@link #sweepOrphans} is safe across nodes.
     */
    @Override
    public void discard(String sha256) {
        check(sha256);
    }

    @Override
    public InputStream open(String sha256) throws IOException {
        check(sha256);
        Optional<Long> size;
        try {
            size = jdbi.withHandle(h -> h.createQuery("SELECT size FROM blobs WHERE sha256 = :h")
                    .bind("h", sha256).mapTo(Long.class).findOne());
        } catch (JdbiException e) {
            throw new IOException("cannot read the file from the database: " + e.getMessage(), e);
        }
        if (size.isEmpty()) {
            throw new NoSuchFileException(sha256);
        }
        return new ChunkStream(sha256, size.get());
    }

    /**
     * Deletes blobs that no attachment names and that were not stored in the last {@link #ORPHAN_AGE}
     * (another node's upload may be between storing its blob and committing its message), and spool
     * files as old. The set is not needed: the database answers per blob.
     */
    @Override
    public int sweepOrphans(Set<String> ignored) throws IOException {
        long cutoff = clock.millis() - ORPHAN_AGE.toMillis();
        try (DirectoryStream<Path> stale = Files.newDirectoryStream(tempDir)) {
            for (Path file : stale) {
                if (Files.getLastModifiedTime(file).toMillis() < cutoff) {
                    Files.deleteIfExists(file);
                }
            }
        }
        try {
            return jdbi.withHandle(h -> h.createUpdate("DELETE FROM blobs b WHERE b.created_at < :cutoff "
                            + "AND NOT EXISTS (SELECT 1 FROM attachments a WHERE a.sha256 = b.sha256)")
                    .bind("cutoff", cutoff).execute());
        } catch (JdbiException e) {
            throw new IOException("cannot sweep unused files: " + e.getMessage(), e);
        }
    }

    private static void check(String sha256) {
        if (sha256 == null || !sha256.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("not a SHA-256: " + sha256);
        }
    }

    /** Reads one chunk per query, each on a briefly borrowed connection: a slow client holds none. */
    private final class ChunkStream extends InputStream {
        private final String sha256;
        private final long size;
        private byte[] chunk = new byte[0];
        private int pos;
        private int nextSeq;
        private long delivered;

        ChunkStream(String sha256, long size) {
            this.sha256 = sha256;
            this.size = size;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (len == 0) {
                return 0;
            }
            if (pos == chunk.length && !fill()) {
                return -1;
            }
            int n = Math.min(len, chunk.length - pos);
            System.arraycopy(chunk, pos, b, off, n);
            pos += n;
            delivered += n;
            return n;
        }

        private boolean fill() throws IOException {
            if (delivered >= size) {
                return false;
            }
            Optional<byte[]> next;
            try {
                next = jdbi.withHandle(h -> h.createQuery("SELECT data FROM blob_chunks WHERE sha256 = :h AND seq = :s")
                        .bind("h", sha256).bind("s", nextSeq).mapTo(byte[].class).findOne());
            } catch (JdbiException e) {
                throw new IOException("cannot read the file from the database: " + e.getMessage(), e);
            }
            if (next.isEmpty() || next.get().length == 0) {
                throw new IOException("the stored file " + sha256 + " ends after " + delivered + " of " + size
                        + " bytes");
            }
            chunk = next.get();
            pos = 0;
            nextSeq++;
            return true;
        }

        @Override
        public int available() {
            return chunk.length - pos;
        }
    }
}
