package dev.ticket.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One {@code ticket serve} per data directory. Its files (the SQLite database, the blobs, uploads in flight,
 * {@code admin.token}) belong to the process that holds this lock: a second one would sweep the first one's
 * uploads in flight as leftovers at its start and keep caches and event streams that never hear of the
 * other's writes. Taken before anything in the directory is touched and held until the service stops; the
 * operating system lets go of it when the process ends, however it ends. The file, {@code serve.lock}, says
 * which process holds it. On a file system that cannot lock (some network mounts) the service starts anyway,
 * with a warning.
 */
public final class DataDirLock implements AutoCloseable {
    static final String FILE = "serve.lock";
    private static final Logger LOG = LoggerFactory.getLogger("ticket.store");

    private final FileChannel channel; // null: not locked (the file system cannot)
    private final FileLock lock;
    /** The directory, when this lock made it; null when it was there before. */
    private Path created;

    private DataDirLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Locks {@code dir} (creating it), or throws {@link InUseException} when another service holds it and
     * {@link UnusableException} when it is a file or cannot be created or written.
     */
    public static DataDirLock acquire(Path dir) throws IOException {
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new UnusableException(dir + " is not a directory");
        }
        boolean existed = Files.isDirectory(dir);
        DataDirLock lock;
        try {
            lock = lockIn(dir);
        } catch (FileSystemException e) {
            throw new UnusableException((existed ? "cannot write in " : "cannot create ") + dir + ": " + why(e));
        }
        lock.created = existed ? null : dir;
        return lock;
    }

    /** What the file system said, in a few lower-case words (a parent that is a file: which one). */
    private static String why(FileSystemException e) {
        if (e instanceof FileAlreadyExistsException) {
            return e.getFile() + " is not a directory";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof NoSuchFileException) {
            return "no such file or directory";
        }
        String reason = e.getReason() == null ? e.getClass().getSimpleName() : e.getReason();
        return reason.isEmpty() ? reason : Character.toLowerCase(reason.charAt(0)) + reason.substring(1);
    }

    private static DataDirLock lockIn(Path dir) throws IOException {
        DataDirModes.createPrivate(dir);
        Path file = dir.resolve(FILE);
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
        try {
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null; // a service in this very process holds it
            } catch (IOException e) {
                // a file system without locks (some network mounts): run, but say what is not guarded
                LOG.warn("cannot lock {} ({}): nothing stops a second ticket serve from using it too", file,
                        e.getMessage());
                channel.close();
                return new DataDirLock(null, null);
            }
            if (lock == null) {
                throw new InUseException(dir, holder(channel));
            }
            channel.truncate(0);
            channel.write(ByteBuffer.wrap((ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.UTF_8)));
            channel.force(false);
            return new DataDirLock(channel, lock);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    /** The process id the holder wrote, or null when it cannot be read. */
    private static String holder(FileChannel channel) {
        try {
            ByteBuffer buffer = ByteBuffer.allocate(32);
            channel.read(buffer, 0);
            String text = new String(buffer.array(), 0, buffer.position(), StandardCharsets.UTF_8).strip();
            return text.matches("\\d+") ? text : null;
        } catch (IOException e) {
            return null;
        }
    }

    /** Lets go; the file stays (removing it would race with the next service taking it). */
    @Override
    public void close() {
        if (channel == null) {
            return;
        }
        try {
            lock.release();
        } catch (IOException e) {
            // closing the channel below lets go of it too
        }
        try {
            channel.close();
        } catch (IOException e) {
            // nothing left to do: the lock is gone with the channel
        }
        forgetIfUnused();
    }

    /**
     * A directory this lock made and nothing else used (a service that stopped before its store opened, e.g. on a
     * taken port) is removed again, so that a failed start leaves nothing behind.
     */
    private void forgetIfUnused() {
        if (created == null) {
            return;
        }
        try (var entries = Files.list(created)) {
            if (entries.allMatch(p -> p.getFileName().toString().equals(FILE))) {
                Files.deleteIfExists(created.resolve(FILE));
                Files.deleteIfExists(created);
            }
        } catch (IOException e) {
            // left as it is: an empty directory or a stale lock file harms nothing
        }
    }

    /** The data directory is a file, or cannot be created or written; the message says which and why. */
    public static final class UnusableException extends IOException {
        UnusableException(String message) {
            super(message);
        }
    }

    /** Another {@code ticket serve} holds the data directory. */
    public static final class InUseException extends IOException {
        InUseException(Path dir, String pid) {
            super(dir + " is in use by another ticket serve" + (pid == null ? "" : " (process " + pid + ")"));
        }
    }
}
