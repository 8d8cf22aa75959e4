package dev.ticket.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ticket.testing.PgDatabase;
import dev.ticket.testing.PostgresAvailable;
import dev.ticket.testing.ServeProcess;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * A {@code ticket serve} that cannot start says why in one line with the exit code of rules.md, command line: no
 * log lines of the libraries, no "unexpected error", no report of Flyway's. Real processes, as a user starts them.
 */
class ServeStartFailuresTest {
    private static final Duration WAIT = Duration.ofSeconds(120);

    @TempDir
    Path dir;

    private ServeProcess.Exited serve(String... args) throws InterruptedException {
        List<String> all = new java.util.ArrayList<>(List.of("--port", "0", "--data", dir.resolve("data").toString()));
        all.addAll(List.of(args));
        return ServeProcess.runToExit(WAIT, all.toArray(String[]::new));
    }

    @Test
    void postgresThatDoesNotAnswerIsOneLineAndExit6() throws Exception {
        int port = ServeProcess.freePort();
        ServeProcess.Exited e = serve("--db", "jdbc:postgresql://127.0.0.1:" + port + "/x");
        assertEquals(List.of("ticket: cannot reach PostgreSQL at 127.0.0.1:" + port + ": connection refused"),
                e.output(), "output");
        assertEquals(6, e.code());
    }

    @Test
    void verboseAfterServeExplainsInFullAsBeforeIt() throws Exception {
        int port = ServeProcess.freePort();
        ServeProcess.Exited e = serve("--db", "jdbc:postgresql://127.0.0.1:" + port + "/x", "--verbose", "--no-color");
        assertEquals(6, e.code(), e.output().toString());
        assertEquals("ticket: cannot reach PostgreSQL at 127.0.0.1:" + port + ": connection refused",
                e.output().get(0));
        assertTrue(e.output().stream().anyMatch(line -> line.startsWith("\tat dev.ticket.")), "the stack trace: "
                + e.output());
    }

    @Test
    @ExtendWith(PostgresAvailable.class)
    void postgresThatRefusesTheUrlIsAUsageError() throws Exception {
        ServeProcess.Exited db = serve("--db", PgDatabase.urlOf("fixes_no_such_database"));
        assertEquals(2, db.code(), db.output().toString());
        assertEquals(2, db.output().size(), db.output().toString());
        assertTrue(db.output().get(0).startsWith("ticket: --db: database \"fixes_no_such_database\" does not exist "
                + "(PostgreSQL at "), db.output().get(0));
        assertEquals("See 'ticket serve --help'.", db.output().get(1));

        String url = PgDatabase.urlOf("postgres").replaceFirst("user=[^&]*", "user=fixes_no_such_role");
        ServeProcess.Exited role = serve("--db", url);
        assertEquals(2, role.code(), role.output().toString());
        assertEquals(2, role.output().size(), role.output().toString());
        assertTrue(role.output().get(0).startsWith("ticket: --db: role \"fixes_no_such_role\" does not exist "
                + "(PostgreSQL at "), role.output().get(0));
    }

    @Test
    void dataThatIsAFileOrCannotBeMadeIsAUsageError() throws Exception {
        Path file = java.nio.file.Files.writeString(dir.resolve("a-file"), "x");
        ServeProcess.Exited onFile = ServeProcess.runToExit(WAIT, "--port", "0", "--data", file.toString());
        assertEquals(List.of("ticket: --data: " + file + " is not a directory", "See 'ticket serve --help'."),
                onFile.output());
        assertEquals(2, onFile.code());

        ServeProcess.Exited under = ServeProcess.runToExit(WAIT, "--port", "0", "--data", file.resolve("sub").toString());
        assertEquals(List.of("ticket: --data: cannot create " + file.resolve("sub") + ": not a directory",
                "See 'ticket serve --help'."), under.output());
        assertEquals(2, under.code());

        ServeProcess.Exited proc = ServeProcess.runToExit(WAIT, "--port", "0", "--data", "/proc/ticket-no-such");
        assertEquals(List.of("ticket: --data: cannot create /proc/ticket-no-such: no such file or directory",
                "See 'ticket serve --help'."), proc.output());
        assertEquals(2, proc.code());
    }
}
