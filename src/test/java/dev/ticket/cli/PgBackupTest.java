package dev.ticket.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ticket.server.ServerSettings;
import dev.ticket.testing.PgDatabase;
import dev.ticket.testing.PostgresAvailable;
import dev.ticket.testing.TestService;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** A service on PostgreSQL has no backup endpoint: 501 naming pg_dump, and the CLI exits 2 with that advice. */
@ExtendWith(PostgresAvailable.class)
class PgBackupTest {
    @TempDir
    Path dir;

    @Test
    void postgresql_answers_501_and_the_cli_says_to_use_pg_dump_leaving_no_file() throws Exception {
        try (PgDatabase db = PgDatabase.create();
             TestService service = TestService.start(s -> new ServerSettings(s.bind(), 0, s.dataDir(), db.url(),
                     s.hours(), s.service(), 4, false, s.streams(), s.guards(), null))) {
            var answer = service.admin().get("/admin/backup");
            assertEquals(501, answer.status(), answer.body());
            assertTrue(answer.header("Content-Type").startsWith("application/problem+json"));
            JsonNode problem = answer.json();
            assertEquals("not-implemented", problem.get("type").asText());
            assertTrue(problem.get("detail").asText().contains("pg_dump"), problem.toString());

            Path target = dir.resolve("ticket.tar");
            CliHarness.Result r = new CliHarness(service.url()).token(service.adminToken())
                    .run("admin", "backup", "--to", target.toString());
            assertEquals(2, r.exit(), r.toString());
            assertEquals("ticket: this service keeps its data in PostgreSQL and cannot stream a backup: back it up "
                    + "with pg_dump (e.g. pg_dump -Fc DBNAME > ticket.dump)\n", r.err());
            try (Stream<Path> left = Files.list(dir)) {
                assertEquals(List.of(), left.toList(), "nothing half-written");
            }
        }
    }

    @Test
    void restore_is_for_sqlite_only() {
        CliHarness.Result r = new CliHarness(null).run("serve", "--port", "0", "--data", dir.resolve("d").toString(),
                "--db", "jdbc:postgresql://127.0.0.1/none", "--restore", dir.resolve("x.tar").toString());
        assertEquals(2, r.exit(), r.toString());
        assertTrue(r.err().contains("pg_restore"), r.err());
    }
}
