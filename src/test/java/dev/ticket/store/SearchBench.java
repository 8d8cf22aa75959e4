package dev.ticket.store;

import dev.ticket.model.Awaiting;
import dev.ticket.model.Role;
import dev.ticket.model.Status;
import dev.ticket.model.TicketType;
import dev.ticket.service.Caller;
import dev.ticket.service.TitleFolding;
import dev.ticket.service.Tokens;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Search and list views at scale (SPEC 7.4), on one store: loads N tickets (default 1,000,000) through the
 * store's own write code (StoreTx: the same inserts, title index, events and read markers as the service,
 * 10,000 tickets a transaction; PostgreSQL: {@link PgBulkLoad}) unless the store holds them already, then
 * times the store's list query as TicketService.list asks it (in process, without the service's page cache)
 * for each query kind, as an agent (all accounts) and as a customer (one account), and prints p50/p99.
 * Run: scripts/bench-search.sh. Usage: SearchBench sqlite DIR [N] | SearchBench postgresql JDBC_URL [N].
 * On SQLite it writes an agent token to DIR/agent.token (to try the loaded store with `ticket serve`).
 */
public final class SearchBench {
    static final int ACCOUNTS = 20;
    static final int AGENTS = 3;
    private static final int RUNS = 200;
    private static final String[] WORDS = {"ошибка", "оплата", "счёт", "канал", "консьерж", "не", "работает",
        "виджет", "Payment", "failed", "Telegram", "offline", "доступ", "настройки", "сотрудник", "ответ",
        "долго", "бот", "chat", "login"};

    record Case(String name, String search, Status status, Awaiting awaiting, boolean unread) {
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
        }
        JdbcTicketStore store = kind.equals("sqlite")
                ? JdbcTicketStore.openSqlite(Path.of(args[1]), 8)
                : JdbcTicketStore.openPostgres(args[1], 8, Files.createTempDirectory("ticket-bench-"));
        Path tokenFile = kind.equals("sqlite") ? Path.of(args[1], "agent.token") : null;
        if (kind.equals("postgresql")) {
            try (var c = java.sql.DriverManager.getConnection(args[1]); var s = c.createStatement()) {
                s.execute("ANALYZE");
            }
        }
        try (store) {
            Callers callers = loadOnce(store, rows, tokenFile);
            System.out.printf("%s, %,d tickets; %d runs each; p50 / p99 in ms (rows on the page)%n", kind,
                    count(store), RUNS);
            System.out.printf("%-30s %-12s %22s %22s%n", "query", "text", "agent (all accounts)",
                    "customer (one account)");
            for (Case c : CASES) {
                System.out.printf("%-30s %-12s %22s %22s%n", c.name(), c.search() == null ? "" : c.search(),
                        time(store, callers.agent(), c), time(store, callers.customer(), c));
            }
        }
    }

    private static TicketQuery query(Case c) {
        return new TicketQuery(c.status(), c.search() == null ? null : TitleFolding.fold(c.search()), c.unread(),
                null, null, c.awaiting(), 31, null);
    }

    record Callers(Caller agent, Caller customer) {
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

    /**
     * 20 accounts with one customer each, 3 agents. Titles: three words of a small vocabulary and a code
     * ("код" and a number below 5,000: each code is in one ticket of 5,000); "иголка" in 10 of the oldest
     * tickets. 70% of tickets got an agent's answer (the agent's read marker), a third of those a
     * customer's follow-up; the customer read half the answers; all but the newest 20,000 are mostly Done.
     */
    static Callers loadOnce(JdbcTicketStore store, int rows, Path tokenFile) throws Exception {
        List<Long> customers = new ArrayList<>();
        List<Long> agents = new ArrayList<>();
        Map<Long, Long> accountOf = new LinkedHashMap<>();
        boolean fresh = store.read(StoreTx::userCount) == 0;
        if (fresh) {
            Instant now = Instant.now();
            store.write(tx -> {
                for (int a = 1; a <= ACCOUNTS; a++) {
                    long account = tx.accountId("account-" + a, true, now).orElseThrow();
                    long user = tx.insertUser("customer-" + a, Role.CUSTOMER, account, now).id();
                    customers.add(user);
                    accountOf.put(user, account);
                }
                for (int a = 1; a <= AGENTS; a++) {
                    agents.add(tx.insertUser("agent-" + a, Role.AGENT, null, now).id());
                }
                String token = Tokens.newToken();
                tx.insertToken(agents.get(0), Tokens.hash(token), now);
                try {
                    if (tokenFile != null) {
                        Files.writeString(tokenFile, token);
                    }
                } catch (java.io.IOException e) {
                    throw new IllegalStateException(e);
                }
                return null;
            });
            long t0 = System.nanoTime();
            Random random = new Random(42);
            int batch = 10_000;
            for (int from = 0; from < rows; from += batch) {
                int start = from;
                int end = Math.min(rows, from + batch);
                long seed = random.nextLong();
                store.write(tx -> {
                    loadBatch(tx, start, end, rows, new Random(seed), customers, agents, accountOf);
                    return null;
                });
                if (end % 100_000 == 0 || end == rows) {
                    System.out.printf("loaded %,d tickets in %.0f s%n", end, (System.nanoTime() - t0) / 1e9);
                }
            }
        } else {
            store.read(tx -> {
                for (var u : tx.users()) {
                    if (u.role() == Role.AGENT) {
                        agents.add(u.id());
                    } else if (u.role() == Role.CUSTOMER) {
                        customers.add(u.id());
                    }
                }
                return null;
            });
        }
        long agent = agents.get(0);
        long customer = customers.get(0);
        long account = store.read(tx -> tx.accountId("account-1", false, Instant.now())).orElseThrow();
        return new Callers(new Caller(agent, "agent-1", Role.AGENT, null, null),
                new Caller(customer, "customer-1", Role.CUSTOMER, account, "account-1"));
    }

    private static void loadBatch(StoreTx tx, int from, int to, int rows, Random r, List<Long> customers,
                                  List<Long> agents, Map<Long, Long> accountOf) {
        for (int i = from; i < to; i++) {
            int c = r.nextInt(customers.size());
            long customer = customers.get(c);
            String title = WORDS[r.nextInt(WORDS.length)] + " " + WORDS[r.nextInt(WORDS.length)] + " "
                    + WORDS[r.nextInt(WORDS.length)] + " код" + (i % 5000)
                    + (i < rows / 10 && i % (rows / 100) == 7 ? " иголка" : "");
            Instant now = Instant.ofEpochMilli(1_700_000_000_000L + i * 1000L);
            long id = tx.insertTicket(new NewTicketRow(accountOf.get(customer), customer, title,
                    TitleFolding.fold(title), TicketType.QUESTION, null, null, null, now, now.plusSeconds(3600)));
            message(tx, id, accountOf.get(customer), customer, false, now);
            if (r.nextInt(10) < 7) {
                long agent = agents.get(r.nextInt(agents.size()));
                long answer = message(tx, id, accountOf.get(customer), agent, true, now.plusSeconds(60));
                if (r.nextInt(3) == 0) {
                    message(tx, id, accountOf.get(customer), customer, false, now.plusSeconds(120));
                } else if (r.nextBoolean()) {
                    tx.markRead(customer, id, answer);
                }
            }
            if (i < rows - 20_000 && i % 10 != 0) {
                long event = tx.appendEvent(id, accountOf.get(customer), "status", "{}", now.plusSeconds(180));
                tx.closeTicket(id, now.plusSeconds(180), event);
            }
        }
    }

    private static long message(StoreTx tx, long ticket, long account, long author, boolean team, Instant at) {
        long message = tx.insertMessage(ticket, author, team, "What happened: step failed", at);
        long event = tx.appendEvent(ticket, account, "message", "{}", at);
        tx.touchTicket(ticket, at, event, team);
        tx.markRead(author, ticket, message);
        return message;
    }
}
