package dev.ticket.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.migration.JavaMigration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteDataSource;

/** A restart skips Flyway only when the history holds every migration of this build. */
class SchemaMigrationTest {
    private static final Pattern VERSIONED = Pattern.compile("V(\\d+)__.*\\.sql");

    @Test
    void the_newest_schema_constants_name_the_newest_migration_files() throws IOException {
        assertEquals(Math.max(newest(Path.of("src/main/resources/db/sqlite")),
                newest(JdbcTicketStore.SQLITE_JAVA_MIGRATIONS)), JdbcTicketStore.SQLITE_SCHEMA);
        assertEquals(Math.max(newest(Path.of("src/main/resources/db/postgresql")),
                newest(JdbcTicketStore.POSTGRES_JAVA_MIGRATIONS)), JdbcTicketStore.POSTGRES_SCHEMA);
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
    void tickets_stored_before_the_title_index_are_found_after_the_upgrade(@TempDir Path dir) throws Exception {
        SQLiteDataSource old = new SQLiteDataSource();
        old.setUrl("jdbc:sqlite:" + dir.resolve("ticket.db"));
        Flyway.configure().dataSource(old).locations("classpath:db/sqlite").target("3").load().migrate();
        try (var c = old.getConnection(); var s = c.createStatement()) {
            s.execute("INSERT INTO accounts (id, name, created_at) VALUES (1, 'acme', 0)");
            s.execute("INSERT INTO users (id, name, role, account_id, created_at) "
                    + "VALUES (1, 'olga', 'customer', 1, 0)");
            s.execute("INSERT INTO tickets (account_id, author_id, title, title_folded, status, type, created_at, "
                    + "updated_at, due_at, activity) VALUES (1, 1, 'Ёлка горит', 'елка горит', 'on_customer', "
                    + "'question', 0, 0, 0, 1), (1, 1, 'Payment', 'payment', 'done', 'question', 0, 0, 0, 2)");
        }
        try (JdbcTicketStore store = JdbcTicketStore.openSqlite(dir, 2)) {
            Viewer olga = new Viewer(1, false, 1L);
            for (String text : new String[] {"елка", "лк", "е", "yme"}) {
                List<String> titles = store.read(tx -> tx.tickets(
                        new TicketQuery(null, text, false, null, null, null, 10, null), olga))
                        .stream().map(l -> l.ticket().title()).toList();
                assertEquals(text.equals("yme") ? List.of("Payment") : List.of("Ёлка горит"), titles, text);
            }
        }
    }

    @Test
    void unread_tickets_stored_before_the_unread_index_are_listed_after_the_upgrade(@TempDir Path dir) throws Exception {
        SQLiteDataSource old = new SQLiteDataSource();
        old.setUrl("jdbc:sqlite:" + dir.resolve("ticket.db"));
        Flyway.configure().dataSource(old).locations("classpath:db/sqlite")
                .javaMigrations(JdbcTicketStore.SQLITE_JAVA_MIGRATIONS.toArray(
                        org.flywaydb.core.api.migration.JavaMigration[]::new)).target("7").load().migrate();
        try (var c = old.getConnection(); var s = c.createStatement()) {
            s.execute("INSERT INTO accounts (id, name, created_at) VALUES (1, 'acme', 0), (2, 'other', 0)");
            s.execute("INSERT INTO users (id, name, role, account_id, created_at) VALUES (1, 'olga', 'customer', 1, 0), "
                    + "(2, 'ivan', 'customer', 1, 0), (3, 'sam', 'agent', NULL, 0), (4, 'eve', 'customer', 2, 0)");
            // 1: olga asked, sam answered, olga read it; 2: olga asked, sam answered; 3: eve asked, sam read it
            s.execute("INSERT INTO tickets (id, account_id, author_id, title, title_folded, status, type, created_at, "
                    + "updated_at, due_at, activity) VALUES (1, 1, 1, 'a', 'a', 'on_customer', 'question', 0, 0, 0, 1), "
                    + "(2, 1, 1, 'b', 'b', 'on_customer', 'question', 0, 0, 0, 2), "
                    + "(3, 2, 4, 'c', 'c', 'on_customer', 'question', 0, 0, 0, 3)");
            s.execute("INSERT INTO messages (id, ticket_id, author_id, team, body, created_at) VALUES "
                    + "(1, 1, 1, 0, 'q', 0), (2, 1, 3, 1, 'a', 0), (3, 2, 1, 0, 'q', 0), (4, 2, 3, 1, 'a', 0), "
                    + "(5, 3, 4, 0, 'q', 0)");
            s.execute("INSERT INTO read_markers (user_id, ticket_id, last_message_id) VALUES (1, 1, 2), (1, 2, 3), "
                    + "(3, 1, 2), (3, 2, 4), (3, 3, 5), (4, 3, 5)");
        }
        try (JdbcTicketStore store = JdbcTicketStore.openSqlite(dir, 2)) {
            TicketQuery unread = new TicketQuery(null, null, true, null, null, null, 10, null);
            java.util.function.Function<Viewer, List<Long>> ids = viewer -> store.read(tx -> tx.tickets(unread, viewer))
                    .stream().map(l -> l.ticket().id()).toList();
            assertEquals(List.of(2L), ids.apply(new Viewer(1, false, 1L)), "olga: the answer she has not read");
            assertEquals(List.of(2L, 1L), ids.apply(new Viewer(2, false, 1L)), "ivan read nothing");
            assertEquals(List.of(), ids.apply(new Viewer(3, true, null)), "sam read every customer message");
            assertEquals(List.of(), ids.apply(new Viewer(4, false, 2L)), "eve: no answer yet");
        }
    }

    @Test
    void a_message_redacted_before_the_column_existed_reads_as_redacted_at_its_audit_time(@TempDir Path dir)
            throws Exception {
        SQLiteDataSource old = new SQLiteDataSource();
        old.setUrl("jdbc:sqlite:" + dir.resolve("ticket.db"));
        Flyway.configure().dataSource(old).locations("classpath:db/sqlite").target("7")
                .javaMigrations(JdbcTicketStore.SQLITE_JAVA_MIGRATIONS.toArray(JavaMigration[]::new)).load().migrate();
        try (var c = old.getConnection(); var s = c.createStatement()) {
            s.execute("INSERT INTO accounts (id, name, created_at) VALUES (1, 'acme', 0)");
            s.execute("INSERT INTO users (id, name, role, account_id, created_at) "
                    + "VALUES (1, 'olga', 'customer', 1, 0)");
            s.execute("INSERT INTO tickets (id, account_id, author_id, title, title_folded, status, type, created_at, "
                    + "updated_at, due_at, activity) VALUES (5, 1, 1, 'Leak', 'leak', 'on_customer', 'question', 0, 0, "
                    + "0, 1)");
            s.execute("INSERT INTO messages (id, ticket_id, author_id, team, body, created_at) VALUES "
                    + "(11, 5, 1, 0, 'redacted by Sam at 2026-03-02T07:00:00Z', 0), (12, 5, 1, 0, 'thanks', 0)");
            s.execute("INSERT INTO audit (at, actor_id, actor, action, target, client) VALUES "
                    + "(1772434800000, 2, 'Sam', 'message.redact', 'message #11 in ticket #5', '127.0.0.1')");
        }
        try (JdbcTicketStore store = JdbcTicketStore.openSqlite(dir, 2)) {
            assertEquals(Instant.parse("2026-03-02T07:00:00Z"),
                    store.read(tx -> tx.message(11)).orElseThrow().redactedAt());
            assertNull(store.read(tx -> tx.message(12)).orElseThrow().redactedAt());
        }
    }

    @Test
    void users_that_shared_a_name_before_names_were_unique_keep_working_and_the_name_is_not_given_again(
            @TempDir Path dir) throws Exception {
        SQLiteDataSource old = new SQLiteDataSource();
        old.setUrl("jdbc:sqlite:" + dir.resolve("ticket.db"));
        Flyway.configure().dataSource(old).locations("classpath:db/sqlite").target("9")
                .javaMigrations(JdbcTicketStore.SQLITE_JAVA_MIGRATIONS.toArray(JavaMigration[]::new)).load().migrate();
        try (var c = old.getConnection(); var s = c.createStatement()) {
            s.execute("INSERT INTO users (id, name, role, account_id, created_at, disabled_at) VALUES "
                    + "(1, 'alice', 'agent', NULL, 0, NULL), (2, 'Alice', 'agent', NULL, 0, NULL), "
                    + "(3, 'Ольга', 'agent', NULL, 0, 5), (4, 'ольга', 'agent', NULL, 0, NULL)");
        }
        try (JdbcTicketStore store = JdbcTicketStore.openSqlite(dir, 2)) {
            assertEquals(List.of("alice", "Alice", "Ольга", "ольга"),
                    store.read(tx -> tx.users()).stream().map(dev.ticket.model.User::name).toList(), "nobody renamed");
            assertEquals(1L, store.read(tx -> tx.enabledUserNamed("ALICE", 0)).orElseThrow().id());
            assertEquals(4L, store.read(tx -> tx.enabledUserNamed("ОЛЬГА", 0)).orElseThrow().id(),
                    "Cyrillic case folds on SQLite too; a disabled user does not hold the name");
            org.junit.jupiter.api.Assertions.assertThrows(RuntimeException.class, () -> store.write(tx ->
                    tx.insertUser("aLiCe", dev.ticket.model.Role.AGENT, null, Instant.EPOCH)),
                    "the index refuses a name an enabled user has");
        }
    }

    @Test
    void a_database_without_history_reads_as_no_schema(@TempDir Path dir) {
        SQLiteDataSource empty = new SQLiteDataSource();
        empty.setUrl("jdbc:sqlite:" + dir.resolve("empty.db"));
        assertEquals(-1, JdbcTicketStore.appliedSchema(empty));
    }

    private static int newest(List<org.flywaydb.core.api.migration.JavaMigration> migrations) {
        return migrations.stream().mapToInt(m -> Integer.parseInt(m.getVersion().getVersion())).max().orElse(0);
    }

    private static int newest(Path migrations) throws IOException {
        try (Stream<Path> files = Files.list(migrations)) {
            return files.map(f -> VERSIONED.matcher(f.getFileName().toString())).filter(Matcher::matches)
                    .mapToInt(m -> Integer.parseInt(m.group(1))).max().orElseThrow();
        }
    }
}
