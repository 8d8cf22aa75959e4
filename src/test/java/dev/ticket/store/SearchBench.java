package dev.ticket.store;

import dev.ticket.model.Awaiting;
import dev.ticket.model.Role;
import dev.ticket.model.Status;
import dev.ticket.service.Caller;
import dev.ticket.service.TitleFolding;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * Search and list views at scale (SPEC 7.4), on one store: loads N tickets (default 1,000,000) in bulk into
 * an older schema ({@link SqliteBulkLoad}, {@link PgBulkLoad}) unless the store holds them already, opens
 * the store (its migrations build the indexes over them, as an upgrade in place does, and the time is
 * printed), then times the store's list query as TicketService.list asks it (in process, without the
 * service's page cache) for each query kind, as an agent (all accounts) and as a customer (one account), and
 * prints p50/p99. Run: scripts/bench-search.sh. Usage: SearchBench sqlite DIR [N] | SearchBench postgresql
 * JDBC_URL [N].
 */
public final class SearchBench {
    static final int AGENTS = 3;
    private static final int RUNS = 200;

    record Case(String name, String search, Status status, Awaiting awaiting, boolean unread, boolean readers) {
        Case(String name, String search, Status status, Awaiting awaiting, boolean unread) {
            this(name, search, status, awaiting, unread, false);
        }
    }

    static final List<Case> CASES = List.of(
            new Case("common word (~15%)", "ошибка", null, null, false),
            new Case("common word, other case, ё", "СЧЁТ", null, null, false),
            new Case("rare word (~0.02%)", "код4242", null, null, false),
            new Case("word in 10 old tickets", "иголка", null, null, false),
            new Case("piece inside a word", "шибк", null, null, false),
            new Case("no match", "отсутствует", null, null, false),
            new Case("one character, common", "ж", null, null, false),
            new Case("one character, no match", "ъ", null, null, false),
            new Case("two characters, common", "ош", null, null, false),
            new Case("two characters, no match", "qz", null, null, false),
            new Case("list, no filter", null, null, null, false),
            new Case("status done", null, Status.DONE, null, false),
            new Case("status on_customer", null, Status.ON_CUSTOMER, null, false),
            new Case("awaiting team", null, null, Awaiting.TEAM, false),
            new Case("awaiting customer", null, null, Awaiting.CUSTOMER, false),
            new Case("unread", null, null, null, true),
            new Case("unread, all but a few read", null, null, null, true, true),
            new Case("word + unread, few unread", "иголка", null, null, true, true),
            new Case("common word + status done", "ошибка", Status.DONE, null, false),
            new Case("rare word + awaiting team", "код4241", null, Awaiting.TEAM, false),
            new Case("common word + unread", "ошибка", null, null, true));

    private SearchBench() {
    }

    public static void main(String[] args) throws Exception {
        String kind = args[0];
        int rows = args.length > 2 ? Integer.parseInt(args[2].replace("_", "")) : 1_000_000;
        if (kind.equals("postgresql")) {
            PgBulkLoad.loadIfEmpty(args[1], rows);
        } else {
            SqliteBulkLoad.loadIfEmpty(Path.of(args[1]), rows);
        }
        long opened = System.nanoTime();
        JdbcTicketStore store = kind.equals("sqlite")
                ? JdbcTicketStore.openSqlite(Path.of(args[1]), 8)
                : JdbcTicketStore.openPostgres(args[1], 8, Files.createTempDirectory("ticket-bench-"));
        System.out.printf("opened (migrations included) in %.1f s%n", (System.nanoTime() - opened) / 1e9);
        if (kind.equals("postgresql")) {
            try (var c = java.sql.DriverManager.getConnection(args[1]); var s = c.createStatement()) {
                s.execute("VACUUM ANALYZE"); // as autovacuum would have after the load: index-only scans
            }
        }
        try (store) {
            Callers callers = callers(store);
            System.out.printf("%s, %,d tickets; %d runs each; p50 / p99 in ms (rows on the page)%n", kind,
                    count(store), RUNS);
            System.out.printf("%-30s %-12s %22s %22s%n", "query", "text", "agent (all accounts)",
                    "customer (one account)");
            for (Case c : CASES) {
                System.out.printf("%-30s %-12s %22s %22s%n", c.name(), c.search() == null ? "" : c.search(),
                        time(store, c.readers() ? callers.readerAgent() : callers.agent(), c),
                        time(store, c.readers() ? callers.readerCustomer() : callers.customer(), c));
            }
        }
    }

    private static TicketQuery query(Case c) {
        return new TicketQuery(c.status(), c.search() == null ? null : TitleFolding.fold(c.search()), c.unread(),
                null, null, c.awaiting(), 31, null);
    }

    /** Agent 1 and customer 1, and two who have read all but a few old tickets (for the unread filter). */
    record Callers(Caller agent, Caller customer, Caller readerAgent, Caller readerCustomer) {
    }

    static long count(TicketStore store) {
        return store.read(tx -> tx.countTickets(new TicketQuery(null, null, false, null, null, null, 1, null),
                new Viewer(0, true, null)));
    }

    /**
     * The store's list query as TicketService.list asks it (folded text, a page of 30 and one more to know
     * whether there is a next page), without the service's page cache, which would answer from memory.
     */
    static String time(TicketStore store, Caller who, Case c) {
        Viewer viewer = new Viewer(who.userId(), who.team(), who.accountId());
        int found = 0;
        for (int i = 0; i < 10; i++) {
            found = Math.min(30, store.read(tx -> tx.tickets(query(c), viewer)).size());
        }
        long[] nanos = new long[RUNS];
        for (int i = 0; i < RUNS; i++) {
            long t = System.nanoTime();
            store.read(tx -> tx.tickets(query(c), viewer));
            nanos[i] = System.nanoTime() - t;
        }
        Arrays.sort(nanos);
        return String.format("%6.2f / %6.2f (%2d)", nanos[RUNS / 2] / 1e6, nanos[RUNS * 99 / 100] / 1e6, found);
    }

    /** The viewers of the data set {@link SqliteBulkLoad} and {@link PgBulkLoad} wrote. */
    static Callers callers(TicketStore store) {
        return store.read(tx -> {
            long account1 = tx.accountId("account-1", false, Instant.now()).orElseThrow();
            long account20 = tx.accountId("account-" + BulkRow.READER_CUSTOMER, false, Instant.now()).orElseThrow();
            return new Callers(new Caller(tx.userByName("agent-1").orElseThrow().id(), "agent-1", Role.AGENT, null,
                    null),
                    new Caller(tx.userByName("customer-1").orElseThrow().id(), "customer-1", Role.CUSTOMER,
                            account1, "account-1"),
                    new Caller(BulkRow.READER, "reader", Role.AGENT, null, null),
                    new Caller(BulkRow.READER_CUSTOMER, "customer-20", Role.CUSTOMER, account20, "account-20"));
        });
    }
}
