package dev.ticket.store;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.flywaydb.core.Flyway;

/**
 * The PostgreSQL side of {@link SearchBench}: the same data set as its SQLite loader (20 accounts, 3 agents,
 * the same title vocabulary and codes, "иголка" in 10 old tickets, 70% answered by an agent, a third of
 * those followed up, half of the other answers read, all but the newest 20,000 mostly Done, and the two
 * viewers who have read nearly everything, see {@link BulkRow}), written with
 * set-based SQL into schema version 1 and then migrated, so the later indexes (trigram, short pieces,
 * status) are built over the loaded rows as an upgrade in place would. Row by row through JDBC was too
 * slow on a shared 2-core machine. The folded title is lower() with ё as е, which is what TitleFolding
 * gives for this vocabulary. Events are not written (list views do not read them).
 */
final class PgBulkLoad {
    private PgBulkLoad() {
    }

    static void loadIfEmpty(String url, int rows) throws Exception {
        Flyway.configure().dataSource(url, null, null).locations("classpath:db/postgresql").target("1").load()
                .migrate();
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM users")) {
                rs.next();
                if (rs.getLong(1) > 0) {
                    return;
                }
            }
            long t0 = System.nanoTime();
            c.setAutoCommit(false);
            s.execute("INSERT INTO accounts (id, name, created_at) SELECT g, 'account-' || g, 0 "
                    + "FROM generate_series(1, 20) g");
            s.execute("INSERT INTO users (id, name, role, account_id, created_at) SELECT g, 'customer-' || g, "
                    + "'customer', g, 0 FROM generate_series(1, 20) g");
            s.execute("INSERT INTO users (id, name, role, account_id, created_at) SELECT 20 + g, 'agent-' || g, "
                    + "'agent', NULL, 0 FROM generate_series(1, 3) g");
            s.execute("INSERT INTO users (id, name, role, account_id, created_at) VALUES (" + BulkRow.READER
                    + ", 'reader', 'agent', NULL, 0)");
            s.execute("SELECT setseed(0.42)");
            s.execute("CREATE TEMP TABLE b AS SELECT g, 1 + floor(random() * 20)::int AS c, "
                    + "floor(random() * 10)::int AS r1, floor(random() * 3)::int AS r2, random() < 0.5 AS r3, "
                    + "(ARRAY['ошибка','оплата','счёт','канал','консьерж','не','работает','виджет','Payment',"
                    + "'failed','Telegram','offline','доступ','настройки','сотрудник','ответ','долго','бот','chat',"
                    + "'login'])[1 + floor(random() * 20)::int] || ' ' || (ARRAY['ошибка','оплата','счёт','канал',"
                    + "'консьерж','не','работает','виджет','Payment','failed','Telegram','offline','доступ',"
                    + "'настройки','сотрудник','ответ','долго','бот','chat','login'])[1 + floor(random() * 20)::int]"
                    + " || ' ' || (ARRAY['ошибка','оплата','счёт','канал','консьерж','не','работает','виджет',"
                    + "'Payment','failed','Telegram','offline','доступ','настройки','сотрудник','ответ','долго','бот',"
                    + "'chat','login'])[1 + floor(random() * 20)::int] || ' код' || ((g - 1) % 5000) "
                    + "|| CASE WHEN g - 1 < " + rows / 10 + " AND (g - 1) % " + rows / 100 + " = 7 "
                    + "THEN ' иголка' ELSE '' END AS title FROM generate_series(1, " + rows + ") g");
            s.execute("INSERT INTO tickets (id, account_id, author_id, title, title_folded, status, type, "
                    + "created_at, updated_at, closed_at, due_at, message_count, last_message_team, activity) "
                    + "SELECT g, c, c, title, replace(lower(title), 'ё', 'е'), "
                    + "CASE WHEN done THEN 'done' ELSE 'on_customer' END, 'question', g * 1000, g * 1000, "
                    + "CASE WHEN done THEN g * 1000 END, g * 1000 + 3600000, "
                    + "CASE WHEN r1 >= 7 THEN 1 WHEN r2 = 0 THEN 3 ELSE 2 END, "
                    + "CASE WHEN r1 < 7 AND r2 <> 0 THEN 1 ELSE 0 END, 4 * g + 3 FROM "
                    + "(SELECT b.*, g <= " + (rows - 20_000) + " AND g % 10 <> 0 AS done FROM b) x");
            s.execute("INSERT INTO messages (id, ticket_id, author_id, team, body, created_at) "
                    + "SELECT 3 * g - 2, g, c, 0, 'What happened: step failed', g * 1000 FROM b");
            s.execute("INSERT INTO messages (id, ticket_id, author_id, team, body, created_at) "
                    + "SELECT 3 * g - 1, g, 21 + g % 3, 1, 'What happened: step failed', g * 1000 FROM b WHERE r1 < 7");
            s.execute("INSERT INTO messages (id, ticket_id, author_id, team, body, created_at) "
                    + "SELECT 3 * g, g, c, 0, 'What happened: step failed', g * 1000 FROM b WHERE r1 < 7 AND r2 = 0");
            String latest = "CASE WHEN r1 < 7 AND r2 = 0 THEN 3 * g WHEN r1 < 7 THEN 3 * g - 1 ELSE 3 * g - 2 END";
            s.execute("INSERT INTO read_markers (user_id, ticket_id, last_message_id) SELECT c, g, "
                    + "CASE WHEN c = " + BulkRow.READER_CUSTOMER + " THEN (CASE WHEN r1 < 7 AND r2 <> 0 AND g <= "
                    + rows / 10 + " AND g % 997 = 0 THEN 3 * g - 2 ELSE " + latest + " END) "
                    + "WHEN r1 < 7 AND r2 = 0 THEN 3 * g WHEN r1 < 7 AND r3 THEN 3 * g - 1 ELSE 3 * g - 2 END "
                    + "FROM b");
            s.execute("INSERT INTO read_markers (user_id, ticket_id, last_message_id) SELECT " + BulkRow.READER
                    + ", g, " + latest + " FROM b WHERE NOT (g - 1 < " + rows / 10 + " AND (g - 1) % " + rows / 100
                    + " = 7)");
            s.execute("INSERT INTO read_markers (user_id, ticket_id, last_message_id) "
                    + "SELECT 21 + g % 3, g, 3 * g - 1 FROM b WHERE r1 < 7");
            s.execute("SELECT setval('accounts_id_seq', 20), setval('users_id_seq', " + BulkRow.READER + "), "
                    + "setval('tickets_id_seq', " + rows + "), setval('messages_id_seq', " + 3L * rows + ")");
            s.execute("INSERT INTO events (id, ticket_id, account_id, kind, payload, created_at) "
                    + "VALUES (" + (4L * rows + 10) + ", 1, 1, 'status', '{}', 0)");
            s.execute("SELECT setval('events_id_seq', " + (4L * rows + 10) + ")");
            c.commit();
            System.out.printf("loaded %,d tickets into PostgreSQL in %.0f s (then the migrations build the "
                    + "indexes)%n", rows, (System.nanoTime() - t0) / 1e9);
        }
    }
}
