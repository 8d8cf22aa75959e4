package dev.ticket.store;

import dev.ticket.model.Status;
import dev.ticket.service.TitleFolding;
import dev.ticket.testing.PgDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Title search on PostgreSQL at scale: loads N tickets (default 1,000,000) with generate_series into a
 * fresh database, then times the store's own list query for several kinds of search text and prints
 * p50/p99, plus the plan of each, so one sees an index and not a scan. Run: scripts/bench-pg-search.sh.
 * TICKET_BENCH_KEEP=1 keeps the loaded database; TICKET_BENCH_DB=name times an existing one again.
 */
public final class PgSearchBench {
    private static final int WARMUP = 10;
    private static final int RUNS = 200;
    private static final int PAGE = 31;

    record Case(String name, String search, Status status, boolean oneAccount) {
    }

    private static final List<Case> CASES = List.of(
            new Case("common Cyrillic word (~15%)", "ошибка", null, false),
            new Case("common Latin word (~15%)", "Payment", null, false),
            new Case("rare code (~0.02%)", "код4242", null, false),
            new Case("10 tickets", "иголка", null, false),
            new Case("no match", "отсутствует", null, false),
            new Case("operators as text, no match", "100%_", null, false),
            new Case("common word, status done (~10%)", "ошибка", Status.DONE, false),
            new Case("common word, one account (1%)", "ошибка", null, true),
            new Case("rare code, one account", "код4241", null, true),
            new Case("two letters, common (no trigram)", "ош", null, false),
            new Case("two letters, no match (no trigram)", "qz", null, false),
            new Case("one character, no match", "ъ", null, false));

    private PgSearchBench() {
    }

    public static void main(String[] args) throws Exception {
        int rows = args.length > 0 ? Integer.parseInt(args[0].replace("_", "")) : 1_000_000;
        String reuse = System.getenv("TICKET_BENCH_DB");
        Path spool = Files.createTempDirectory("ticket-bench-");
        PgDatabase db = reuse == null ? PgDatabase.create() : null;
        String url = db != null ? db.url() : PgDatabase.urlOf(reuse);
        try (JdbcTicketStore store = JdbcTicketStore.openPostgres(url, 4, spool)) {
            if (db != null) {
                long t0 = System.nanoTime();
                load(url, rows);
                System.out.printf("loaded %,d tickets in %.1f s (database %s)%n", rows,
                        (System.nanoTime() - t0) / 1e9, db.name());
            }
            for (Case c : CASES) {
                run(store, url, c);
            }
        } finally {
            if (db != null && !"1".equals(System.getenv("TICKET_BENCH_KEEP"))) {
                db.close();
            }
        }
    }

    /** 100 accounts; titles of three words from a small vocabulary, a code, and a rare word in 10 rows. */
    static void load(String url, int rows) throws SQLException {
        String words = "ARRAY['ошибка','оплата','счёт','канал','консьерж','не','работает','виджет','Payment',"
                + "'failed','Telegram','offline','доступ','настройки','сотрудник','ответ','долго','бот','chat',"
                + "'login']";
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.execute("INSERT INTO accounts (id, name, created_at) SELECT g, 'account-' || g, 0 "
                    + "FROM generate_series(1, 100) g");
            s.execute("INSERT INTO users (id, name, role, account_id, created_at) SELECT g, 'user-' || g, "
                    + "'customer', g, 0 FROM generate_series(1, 100) g");
            s.execute("INSERT INTO users (id, name, role, account_id, created_at) VALUES (101, 'agent', 'agent', "
                    + "NULL, 0)");
            s.execute("SELECT setval('accounts_id_seq', 100), setval('users_id_seq', 101)");
            s.execute("CREATE TEMP TABLE w AS SELECT " + words + " AS a");
            s.execute("INSERT INTO tickets (account_id, author_id, title, title_folded, status, type, created_at, "
                    + "updated_at, due_at, activity) SELECT a, a, title, lower(title), "
                    + "CASE WHEN g % 10 = 0 THEN 'done' ELSE 'on_customer' END, 'question', g, g, g, g FROM ("
                    + "SELECT g, 1 + g % 100 AS a, w.a[1 + (random() * 19)::int] || ' ' || w.a[1 + (random() * 19)::int]"
                    + " || ' ' || w.a[1 + (random() * 19)::int] || ' код' || (g % 5000)"
                    + " || CASE WHEN g % (" + rows + " / 10) = 7 THEN ' иголка' ELSE '' END AS title "
                    + "FROM generate_series(1, " + rows + ") g, w) x");
            s.execute("ANALYZE");
        }
    }

    static void run(JdbcTicketStore store, String url, Case c) throws SQLException {
        String folded = TitleFolding.fold(c.search());
        Viewer viewer = c.oneAccount() ? new Viewer(42, false, 42L) : new Viewer(101, true, null);
        TicketQuery query = new TicketQuery(c.status(), folded, false, null, null, null, PAGE, null);
        int found = 0;
        for (int i = 0; i < WARMUP; i++) {
            found = store.read(tx -> tx.tickets(query, viewer)).size();
        }
        long[] nanos = new long[RUNS];
        for (int i = 0; i < RUNS; i++) {
            long t = System.nanoTime();
            store.read(tx -> tx.tickets(query, viewer));
            nanos[i] = System.nanoTime() - t;
        }
        Arrays.sort(nanos);
        System.out.printf("%-34s q=%-12s rows=%2d  p50 %7.2f ms  p99 %7.2f ms  max %7.2f ms  plan: %s%n",
                c.name(), c.search(), found, nanos[RUNS / 2] / 1e6, nanos[RUNS * 99 / 100] / 1e6,
                nanos[RUNS - 1] / 1e6, plan(url, folded, c));
    }

    /** The access paths PostgreSQL picks for the same filter and order (scan node names only). */
    static String plan(String url, String folded, Case c) throws SQLException {
        boolean shortText = folded.codePointCount(0, folded.length()) <= 2;
        String sql = "EXPLAIN SELECT t.id FROM tickets t WHERE t.title_folded LIKE ? ESCAPE '\\' "
                + (shortText ? "AND ticket_short_grams(t.title_folded) @> ARRAY[CAST(? AS text)] " : "")
                + (c.status() != null ? "AND t.status = '" + c.status().wire() + "' " : "")
                + (c.oneAccount() ? "AND t.account_id = 42 " : "") + "ORDER BY t.activity DESC LIMIT " + PAGE;
        List<String> nodes = new ArrayList<>();
        try (Connection conn = DriverManager.getConnection(url);
             var ps = conn.prepareStatement(sql)) {
            try (Statement s = conn.createStatement()) {
                s.execute("SET max_parallel_workers_per_gather = 0"); // as the service's pool does
            }
            ps.setString(1, "%" + TicketQueries.escapeLike(folded) + "%");
            if (shortText) {
                ps.setString(2, folded);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String line = rs.getString(1).strip().replaceFirst("^->\\s*", "");
                    if (line.contains("Scan")) {
                        nodes.add(line.replaceAll("\\s+\\(cost.*", ""));
                    }
                }
            }
        }
        return String.join(" / ", nodes);
    }
}
