package dev.ticket.client;

import java.io.InputStream;
import java.nio.file.Path;

/**
 * A file to send: read from {@code path}, or from {@code stream} (standard input, {@code ticket attach ID -}),
 * under {@code name}; a null name means the path's own, or {@code stdin.txt} for a pipe.
 */
public record FilePart(Path path, InputStream stream, String name) {
    /** The file at {@code path}, under its own name. */
    public static FilePart of(Path path) {
        return new FilePart(path, null, null);
    }

    /** Bytes read from {@code stream} (sent as read: once, chunked). */
    public static FilePart of(InputStream stream, String name) {
        return new FilePart(null, stream, name);
    }

    /** The same file under another name. */
    public FilePart named(String newName) {
        return new FilePart(path, stream, newName);
    }
}
