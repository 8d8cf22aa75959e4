package dev.ticket.server;

import dev.ticket.files.BlockFileWriter;
import dev.ticket.service.Upload;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * One file being received: its temporary file, running size and digest. The bytes go to disk in 1 MiB
 * blocks with direct I/O where possible, written by a background thread while the next block fills
 * ({@link BlockFileWriter}), so the blob store's fsync before the commit has little left to do.
 * (Background fsyncs every 64 MiB through the page cache were tried before: slower.)
 */
record SpooledFile(String filename, Path temp, BlockFileWriter out, MessageDigest sha) {

    static SpooledFile create(Path tempDir, String filename) throws IOException {
        Path temp = Files.createTempFile(tempDir, "upload-", ".part");
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            return new SpooledFile(filename, temp, BlockFileWriter.open(temp), sha);
        } catch (NoSuchAlgorithmException e) {
            Files.deleteIfExists(temp);
            throw new IllegalStateException(e);
        } catch (IOException | RuntimeException | Error e) {
            Files.deleteIfExists(temp);
            throw e;
        }
    }

    long size() {
        return out.size();
    }

    void write(ByteBuffer bytes) throws IOException {
        sha.update(bytes.duplicate());
        out.write(bytes);
    }

    Upload finish() throws IOException {
        out.finish();
        return new Upload(filename, temp, out.size(), HexFormat.of().formatHex(sha.digest()));
    }

    void closeQuietly() {
        try {
            out.close();
        } catch (IOException e) {
            // deleted next
        }
    }
}
