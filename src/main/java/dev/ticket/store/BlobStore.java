package dev.ticket.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** Attachment bytes, stored once per content and named by their SHA-256. */
public interface BlobStore {

    /** Moves a fully written, already hashed temporary file in as the blob {@code sha256} (kept if present). */
    void put(String sha256, Path tempFile) throws IOException;

    /**
     * Removes a blob that an upload stored and then did not record (its request was refused or failed).
     * The caller makes sure no attachment names it and no upload in flight on this node stores the same
     * content. A store shared by several nodes may leave it to {@link #sweepOrphans}.
     */
    void discard(String sha256) throws IOException;

    /** Opens the blob's bytes for streaming. */
    InputStream open(String sha256) throws IOException;

    /**
     * Removes blobs no attachment row names (after a crash mid-upload). Returns how many went.
     * {@code referenced} lists the names in use for stores that cannot ask the database themselves.
     */
    int sweepOrphans(java.util.Set<String> referenced) throws IOException;

    /** A directory for in-flight uploads on the same file system as the blobs. */
    Path tempDir();

    /** Makes a store's directory (and its parents) when it opens; a store error when it cannot. */
    static Path directories(Path dir) {
        try {
            return Files.createDirectories(dir);
        } catch (IOException e) {
            throw new StoreException("cannot create " + dir + ": " + e.getMessage(), e);
        }
    }
}
