package dev.ticket.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.NoSuchFileException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.Set;

/**
 * Blobs as files named by their SHA-256 under one directory, written by atomic rename after fsync.
 *
 * <p>The sweep removes what no attachment names, but only files untouched since before this store was opened
 * (a crash's leftovers: nothing uploads while the service starts) or for {@link #ORPHAN_AGE}. An upload in
 * flight keeps writing its temporary file, a blob it just moved in is as new as its last write, and a blob it
 * finds already there (stored again) is touched: the names in use were read before they committed, so their
 * age is what keeps them. The touch and the sweep's look-then-delete of a file take one lock.
 */
public final class FileBlobStore implements BlobStore {
    /** How long an unreferenced file is left alone while the service runs. */
    static final Duration ORPHAN_AGE = Duration.ofHours(1);

    private final Path dir;
    private final Path temp;
    private final long openedAt = System.currentTimeMillis();
    private final Object sweeping = new Object();

    public FileBlobStore(Path dir) {
        this.dir = dir;
        this.temp = dir.resolve("tmp");
        BlobStore.directories(temp);
    }

    @Override
    public void put(String sha256, Path tempFile) throws IOException {
        Path target = path(sha256);
        synchronized (sweeping) {
            if (Files.exists(target)) {
                Files.setLastModifiedTime(target, FileTime.fromMillis(System.currentTimeMillis()));
                Files.deleteIfExists(tempFile);
                return;
            }
        }
        try (FileChannel channel = FileChannel.open(tempFile, StandardOpenOption.WRITE)) {
            channel.force(true);
        }
        boolean newShard = !Files.isDirectory(target.getParent());
        Files.createDirectories(target.getParent());
        Files.move(tempFile, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        // the rename (and a new shard's entry) must reach the disk too, or a power cut could undo it
        syncDirectory(target.getParent());
        if (newShard) {
            syncDirectory(dir);
        }
    }

    private static void syncDirectory(Path directory) {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            // some file systems cannot open a directory for sync; the file itself is already on disk
        }
    }

    @Override
    public void discard(String sha256) throws IOException {
        Files.deleteIfExists(path(sha256));
    }

    @Override
    public InputStream open(String sha256) throws IOException {
        Path file = path(sha256);
        InputStream direct = DirectReadStream.open(file);
        return direct != null ? direct : Files.newInputStream(file);
    }

    @Override
    public int sweepOrphans(Set<String> referenced) throws IOException {
        long cutoff = Math.max(openedAt, System.currentTimeMillis() - ORPHAN_AGE.toMillis());
        int removed = 0;
        try (DirectoryStream<Path> stale = Files.newDirectoryStream(temp)) {
            for (Path file : stale) {
                deleteIfOlder(file, cutoff);
            }
        }
        try (DirectoryStream<Path> shards = Files.newDirectoryStream(dir, Files::isDirectory)) {
            for (Path shard : shards) {
                if (shard.equals(temp)) {
                    continue;
                }
                try (DirectoryStream<Path> files = Files.newDirectoryStream(shard)) {
                    for (Path file : files) {
                        if (!referenced.contains(file.getFileName().toString()) && deleteIfOlder(file, cutoff)) {
                            removed++;
                        }
                    }
                }
            }
        }
        return removed;
    }

    /** Deletes {@code file} if it was last modified before {@code cutoff} (epoch ms); whether it did. */
    private boolean deleteIfOlder(Path file, long cutoff) throws IOException {
        synchronized (sweeping) {
            try {
                return Files.getLastModifiedTime(file).toMillis() < cutoff && Files.deleteIfExists(file);
            } catch (NoSuchFileException e) {
                return false; // gone meanwhile (a temporary file moved in or deleted by its upload)
            }
        }
    }

    @Override
    public Path tempDir() {
        return temp;
    }

    private Path path(String sha256) {
        if (!sha256.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("not a SHA-256: " + sha256);
        }
        return dir.resolve(sha256.substring(0, 2)).resolve(sha256);
    }
}
