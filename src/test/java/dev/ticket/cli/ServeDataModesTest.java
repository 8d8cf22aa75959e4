package dev.ticket.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ticket.model.Role;
import dev.ticket.testing.ServeProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Under a user's usual umask (022) the data of a SQLite service is the service user's alone: the directory it
 * makes 0700, the database and its -wal and -shm 0600. A directory the user made is left as it is, with a warning.
 */
class ServeDataModesTest {
    @TempDir
    Path dir;

    private static String mode(Path path) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }

    @Test
    void aNewDataDirectoryAndItsDatabaseAreTheOwnersOnly() throws Exception {
        Path data = dir.resolve("made/by/serve");
        try (ServeProcess serve = ServeProcess.startUnderUmask(data, "022")) {
            serve.client("Olga", Role.CUSTOMER, "acme"); // a write: the WAL has pages
            assertEquals("rwx------", mode(data));
            assertEquals("rwx------", mode(dir.resolve("made")), "parents it makes too (XDG: 0700)");
            for (String name : List.of("ticket.db", "ticket.db-wal", "ticket.db-shm")) {
                assertEquals("rw-------", mode(data.resolve(name)), name);
            }
        }
    }

    @Test
    void anOpenDirectoryTheUserMadeKeepsItsModeButTheDatabaseIsClosed() throws Exception {
        Path data = Files.createDirectory(dir.resolve("mine"));
        try (ServeProcess first = ServeProcess.startUnderUmask(data, "022")) {
            first.admin();
        }
        Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.setPosixFilePermissions(data.resolve("ticket.db"), PosixFilePermissions.fromString("rw-r--r--"));
        try (ServeProcess again = ServeProcess.startUnderUmask(data, "022")) {
            assertEquals("rwxr-xr-x", mode(data), "the user's directory is theirs");
            assertEquals("rw-------", mode(data.resolve("ticket.db")));
            assertEquals("rw-------", mode(data.resolve("ticket.db-wal")));
            List<String> warnings = again.output().stream().filter(l -> l.contains("WARN")).toList();
            assertEquals(1, warnings.size(), again.output().toString());
            assertTrue(warnings.get(0).contains(data + " is rwxr-xr-x"), warnings.get(0));
        }
    }
}
