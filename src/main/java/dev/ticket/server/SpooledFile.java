package dev.ticket.server;

import dev.ticket.service.Upload;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * One file being received: its temporary file, running size and digest. Bytes are written in 1 MiB
 * blocks, and every 64 MiB a background fsync starts, so that the disk works while the network
 * does and the final fsync before the commit has little left to do.
 */
final class SpooledFile {
    private static final int WRITE_BLOCK = 1024 * 1024;
    private static final long SYNC_EVERY = 64L * 1024 * 1024;
    private static final ExecutorService SYNCER = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "upload-sync");
        thread.setDaemon(true);
        return thread;
    });

    private final String filename;
    private final Path temp;
    private final FileChannel channel;
    private final MessageDigest sha;
    private final ByteBuffer block = ByteBuffer.allocate(WRITE_BLOCK);
    private long size;
    private long written;
    private long syncedUpTo;
    private Future<?> syncing = CompletableFuture.completedFuture(null);

    private SpooledFile(String filename, Path temp, FileChannel channel, MessageDigest sha) {
        this.filename = filename;
        this.temp = temp;
        this.channel = channel;
        this.sha = sha;
    }

    static SpooledFile create(Path tempDir, String filename) throws IOException {
        Path temp = Files.createTempFile(tempDir, "upload-", ".part");
        try {
            return new SpooledFile(filename, temp, FileChannel.open(temp, StandardOpenOption.WRITE),
                    MessageDigest.getInstance("SHA-256"));
        } catch (NoSuchAlgorithmException e) {
            Files.deleteIfExists(temp);
            throw new IllegalStateException(e);
        }
    }

    String filename() {
        return filename;
    }

    Path temp() {
        return temp;
    }

    long size() {
        return size;
    }

    void write(ByteBuffer bytes) throws IOException {
        sha.update(bytes.duplicate());
        size += bytes.remaining();
        while (bytes.hasRemaining()) {
            if (!block.hasRemaining()) {
                drain();
            }
            ByteBuffer part = bytes.slice();
            part.limit(Math.min(block.remaining(), bytes.remaining()));
            block.put(part);
            bytes.position(bytes.position() + part.limit());
        }
    }

    private void drain() throws IOException {
        block.flip();
        while (block.hasRemaining()) {
            written += channel.write(block);
        }
        block.clear();
        if (written - syncedUpTo >= SYNC_EVERY && syncing.isDone()) {
            syncedUpTo = written;
            syncing = SYNCER.submit(this::syncQuietly);
        }
    }

    private void syncQuietly() {
        try {
            channel.force(false);
        } catch (IOException e) {
            // only an early start; the blob store's own fsync before the commit is the one that counts
        }
    }

    Upload finish() throws IOException {
        drain();
        try {
            syncing.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while storing " + filename, e);
        } catch (ExecutionException e) {
            // syncQuietly throws nothing
        }
        channel.close();
        return new Upload(filename, temp, size, HexFormat.of().formatHex(sha.digest()));
    }

    void closeQuietly() {
        syncing.cancel(false);
        try {
            channel.close();
        } catch (IOException e) {
            // deleted next
        }
    }
}
