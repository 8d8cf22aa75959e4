package dev.ticket.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteDataSource;

/** A restart skips Flyway only when the history holds every migration of this build. */
class SchemaMigrationTest {
    private static final Pattern VERSIONED = Pattern.compile("V(\\d+)__.*\\.sql");

    @Test
    void the_newest_schema_constants_name_the_newest_migration_files() throws IOException {
        assertEquals(newest(Path.of("src/main/resources/db/sqlite")), JdbcTicketStore.SQLITE_SCHEMA);
        assertEquals(newest(Path.of("src/main/resources/db/postgresql")), JdbcTicketStore.POSTGRES_SCHEMA);
    }

    @Test
    void a_store_left_at_an_older_schema_is_migrated_on_open(@TempDir Path dir) {
        SQLiteDataSource old = new SQLiteDataSource();
        old.setUrl("jdbc:sqlite:" + dir.resolve("ticket.db"));
        Flyway.configure().dataSource(old).locations("classpath:db/sqlite").target("1").load().migrate();
        assertEquals(1, JdbcTicketStore.appliedSchema(old));

        JdbcTicketStore.openSqlite(dir, 2).close();
        assertEquals(JdbcTicketStore.SQLITE_SCHEMA, JdbcTicketStore.appliedSchema(old));
        JdbcTicketStore.openSqlite(dir, 2).close(); // and a restart at the newest schema opens as well
    }

    @Test
    void a_database_without_history_reads_as_no_schema(@TempDir Path dir) {
        SQLiteDataSource empty = new SQLiteDataSource();
        empty.setUrl("jdbc:sqlite:" + dir.resolve("empty.db"));
        assertEquals(-1, JdbcTicketStore.appliedSchema(empty));
    }

    private static int newest(Path migrations) throws IOException {
        try (Stream<Path> files = Files.list(migrations)) {
            return files.map(f -> VERSIONED.matcher(f.getFileName().toString())).filter(Matcher::matches)
                    .mapToInt(m -> Integer.parseInt(m.group(1))).max().orElseThrow();
        }
    }
}
