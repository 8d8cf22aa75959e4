package dev.ticket.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ticket.files.BlockFileWriter;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
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
