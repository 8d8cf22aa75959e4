package dev.ticket.cli.config;

import dev.ticket.client.ClientJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * An answer of the service kept in a file of the cache folder beside {@link RecentIds} ({@link HoursCache},
 * {@link MeCache}): used while the file is younger than its freshness, else asked again. Never fails a command: a
 * file that cannot be read is no file, one that cannot be written is skipped.
 */
final class KeptAnswer {
    private KeptAnswer() {
    }

    /** What {@code file} holds as a {@code type}, when written under {@code fresh} ago; else null. */
    static <T> T read(Path file, Class<T> type, Duration fresh) {
        try {
            long age = System.currentTimeMillis() - Files.getLastModifiedTime(file).toMillis();
            if (age < 0 || age > fresh.toMillis()) {
                return null;
            }
            return ClientJson.read(Files.readAllBytes(file), type);
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
