package dev.ticket.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ticket.files.BlockFileWriter;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Files written in aligned blocks (direct I/O where the file system has it) and read back the same way
 * come back byte for byte at every size around the block edges, and so do files written through the
 * page cache (file systems without direct I/O).
 */
class FileBlobStoreTest {
    static final int MIB = 1024 * 1024;
    static final List<Integer> SIZES = List.of(0, 1, 4095, 4096, 4097, MIB - 1, MIB, MIB + 1, 3 * MIB + 17);

    @TempDir
    Path dir;

    @Test
    void every_size_round_trips_through_direct_writes_and_reads() throws Exception {
        FileBlobStore store = new FileBlobStore(dir.resolve("blobs"));
        assertTrue(roundTrips(store), "the temporary directory is on a file system with direct I/O");
    }

    @Test
    void every_size_round_trips_through_the_page_cache_where_direct_io_is_missing() throws Exception {
        FileBlobStore store = new FileBlobStore(dir.resolve("blobs"));
        assertEquals(false, roundTrips(store, false));
    }

    @Test
    void the_sweep_leaves_what_an_upload_in_flight_may_still_commit() throws Exception {
        FileBlobStore store = new FileBlobStore(dir.resolve("blobs"));
        // file times come from the kernel's coarse clock, a few ms behind System.currentTimeMillis(): files
        // written in the first ms after opening could look older than the store
        Thread.sleep(50);
        String old = "a".repeat(64);
        String fresh = "b".repeat(64);
        String reused = "c".repeat(64);
        String referenced = "d".repeat(64);
        for (String sha : List.of(old, fresh, reused, referenced)) {
            Path temp = Files.writeString(store.tempDir().resolve(sha + ".part"), sha);
            store.put(sha, temp);
        }
        Path oldTemp = Files.writeString(store.tempDir().resolve("crashed.part"), "left by a crash");
        Path liveTemp = Files.writeString(store.tempDir().resolve("uploading.part"), "being written");
        FileTime twoHoursAgo = FileTime.from(Instant.now().minus(Duration.ofHours(2)));
        for (String sha : List.of(old, reused, referenced)) {
            Files.setLastModifiedTime(blob(store, sha), twoHoursAgo);
        }
        Files.setLastModifiedTime(oldTemp, twoHoursAgo);
        // an upload stores the content of an old orphan again: the name in use is read before it commits
        store.put(reused, Files.writeString(store.tempDir().resolve("again.part"), reused));

        assertEquals(1, store.sweepOrphans(Set.of(referenced)));

        assertFalse(Files.exists(blob(store, old)), "an orphan untouched for two hours goes");
        assertTrue(Files.exists(blob(store, fresh)), "a blob moved in after the store opened may be an upload's");
        assertTrue(Files.exists(blob(store, reused)), "storing an old orphan again makes it fresh");
        assertTrue(Files.exists(blob(store, referenced)));
        assertFalse(Files.exists(oldTemp), "a stale temporary file goes");
        assertTrue(Files.exists(liveTemp), "an upload's temporary file is left alone");
    }

    @Test
    void at_start_every_unreferenced_file_of_the_last_run_goes() throws Exception {
        Path blobs = dir.resolve("blobs");
        FileBlobStore before = new FileBlobStore(blobs);
        String orphan = "e".repeat(64);
        before.put(orphan, Files.writeString(before.tempDir().resolve("x.part"), orphan));
        Path partial = Files.writeString(before.tempDir().resolve("partial.part"), "cut by a crash");
        Thread.sleep(50); // the next store opens strictly after the files' last change (coarse file times)

        FileBlobStore restarted = new FileBlobStore(blobs);
        assertEquals(1, restarted.sweepOrphans(Set.of()));
        assertFalse(Files.exists(blob(restarted, orphan)));
        assertFalse(Files.exists(partial));
    }

    private static Path blob(FileBlobStore store, String sha) {
        return store.tempDir().getParent().resolve(sha.substring(0, 2)).resolve(sha);
    }

    static boolean roundTrips(FileBlobStore store) throws Exception {
        return roundTrips(store, true);
    }

    /** Writes, stores and reads back every size; returns whether the writes were direct. */
    static boolean roundTrips(FileBlobStore store, boolean tryDirect) throws Exception {
        boolean direct = false;
        Random random = new Random(42);
        for (int size : SIZES) {
            byte[] bytes = new byte[size];
            random.nextBytes(bytes);
            Path temp = Files.createTempFile(store.tempDir(), "t-", ".part");
            try (BlockFileWriter out = BlockFileWriter.open(temp, tryDirect)) {
                direct = out.direct();
                // odd pieces, as a network delivers them
                for (int off = 0; off < size; ) {
                    int n = Math.min(size - off, 1 + random.nextInt(300_000));
                    out.write(ByteBuffer.wrap(bytes, off, n));
                    off += n;
                }
                out.finish();
            }
            assertEquals(size, Files.size(temp), "size " + size);
            String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
            store.put(sha, temp);
            try (InputStream in = store.open(sha)) {
                byte[] back = new byte[size + 1];
                int got = 0;
                for (int n; got < back.length && (n = in.read(back, got, Math.min(back.length - got, 70_000))) > 0; ) {
                    got += n;
                }
                assertEquals(size, got, "size " + size);
                assertArrayEquals(bytes, java.util.Arrays.copyOf(back, size), "size " + size);
                assertEquals(-1, in.read(), "size " + size);
            }
        }
        return direct;
    }
}
