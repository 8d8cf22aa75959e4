package dev.ticket.cli.config;

import dev.ticket.client.ClientJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An answer of the service kept in a file of the cache folder beside {@link RecentIds} ({@link HoursCache},
 * {@link MeCache}): used while the file is younger than its freshness, else asked again. Never fails a command: a
 * file that cannot be read is no file, one that cannot be written is skipped. What a file held is remembered with
 * its time for the rest of the process: the start-up's warm-up reads the files, and the command finds them read.
 */
final class KeptAnswer {
    private static final Map<Path, Read> READ = new ConcurrentHashMap<>();

    /** What {@code file} held when it had this modification time. */
    private record Read(FileTime modified, Object value) {
    }

    private KeptAnswer() {
    }

    /** What {@code file} holds as a {@code type}, when written under {@code fresh} ago; else null. */
    static <T> T read(Path file, Class<T> type, Duration fresh) {
        try {
            FileTime modified = Files.getLastModifiedTime(file);
            long age = System.currentTimeMillis() - modified.toMillis();
            if (age < 0 || age > fresh.toMillis()) {
                return null;
            }
            Read read = READ.get(file);
            if (read != null && read.modified().equals(modified) && type.isInstance(read.value())) {
                return type.cast(read.value());
            }
            T value = ClientJson.read(Files.readAllBytes(file), type);
            READ.put(file, new Read(modified, value));
            return value;
        } catch (IOException | RuntimeException e) {
            return null; // no file, an unreadable or foreign one: the service is asked
        }
    }

    /** Keeps {@code value} in {@code file}, replaced at once. */
    static void write(Path file, Object value) {
        try {
            RecentIds.replace(file, ClientJson.write(value));
        } catch (IOException | RuntimeException e) {
            // a convenience: a read-only home or a full disk must not fail the command
        }
    }
}
