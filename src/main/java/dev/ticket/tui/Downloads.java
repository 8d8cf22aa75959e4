package dev.ticket.tui;

import dev.ticket.model.Attachment;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.function.Consumer;

/**
 * Saves an attachment as a file only once its bytes are all there and match the SHA-256 the service
 * gave: first into a temporary file beside the target, then moved into place (never over a file).
 */
final class Downloads {
    private Downloads() {
    }

    static void save(Attachment a, Path target, Consumer<OutputStream> fetch) {
        Path dir = target.toAbsolutePath().getParent();
        Path part = null;
        try {
            // not createTempFile: its 0600 would stick to the saved file; this one gets the usual umask
            part = dir.resolve("." + target.getFileName() + "." + java.util.UUID.randomUUID() + ".part");
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            long size;
            try (OutputStream file = Files.newOutputStream(part, StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE);
                 CountingStream counted = new CountingStream(new DigestOutputStream(file, sha))) {
                fetch.accept(counted);
                size = counted.count;
            }
            String got = HexFormat.of().formatHex(sha.digest());
            if (size != a.size() || (a.sha256() != null && !got.equalsIgnoreCase(a.sha256()))) {
                throw new TuiBackend.BackendException(Failure.OTHER, a.filename()
                        + " arrived damaged (its SHA-256 does not match); it was not saved.", null);
            }
            Files.move(part, target);
            part = null;
        } catch (FileAlreadyExistsException e) {
            throw new TuiBackend.BackendException(Failure.INVALID, target + " already exists; it was not overwritten.", e);
        } catch (IOException e) {
            throw new TuiBackend.BackendException(Failure.OTHER, "Could not save " + target + ": " + e.getMessage() + ".", e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        } finally {
            deleteQuietly(part);
        }
    }

    private static void deleteQuietly(Path part) {
        if (part != null) {
            try {
                Files.deleteIfExists(part);
            } catch (IOException ignored) {
                // a stray .part file is harmless and visible
            }
        }
    }

    /** Counts the bytes written through it. */
    private static final class CountingStream extends java.io.FilterOutputStream {
        long count;

        CountingStream(OutputStream out) {
            super(out);
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            count += len;
        }
    }
}
