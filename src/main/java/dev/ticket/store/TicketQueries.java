package dev.ticket.store;

import dev.ticket.model.Assignee;
import dev.ticket.model.Attachment;
import dev.ticket.model.Author;
import dev.ticket.model.Awaiting;
import dev.ticket.model.Message;
import dev.ticket.model.Role;
import dev.ticket.model.Status;
import dev.ticket.model.Ticket;
import dev.ticket.model.TicketType;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Query;

/** The read side of the ticket tables: tickets as one viewer sees them, and their chats. */
abstract class TicketQueries {
    /** Messages by the other side after the viewer's read marker. */
    private static final String UNREAD = "(SELECT COUNT(*) FROM messages m WHERE m.ticket_id = t.id "
            + "AND m.team = :otherSide AND m.id > COALESCE((SELECT r.last_message_id FROM read_markers r "
            + "WHERE r.user_id = :viewer AND r.ticket_id = t.id), 0))";
    /** A ticket's refs and labels as one text each (in the row: a list page is one query, not three). */
    private static final String SQLITE_LISTS = "(SELECT group_concat(r.ref_id, ',' ORDER BY r.ref_id) "
            + "FROM ticket_refs r WHERE r.ticket_id = t.id) AS ref_list, (SELECT group_concat(l.label, ',' "
            + "ORDER BY l.label) FROM ticket_labels l WHERE l.ticket_id = t.id) AS label_list ";
    private static final String PG_LISTS = "(SELECT string_agg(CAST(r.ref_id AS text), ',' ORDER BY r.ref_id) "
            + "FROM ticket_refs r WHERE r.ticket_id = t.id) AS ref_list, (SELECT string_agg(l.label, ',' "
            + "ORDER BY l.label) FROM ticket_labels l WHERE l.ticket_id = t.id) AS label_list ";
    private static final String TICKET_COLUMNS = "SELECT t.*, a.name AS account_name, u.name AS author_name, "
            + "u.role AS author_role, asg.name AS assignee_name, " + UNREAD + " AS unread, ";
    private static final String TICKET_JOINS = "JOIN accounts a ON a.id = t.account_id "
            + "JOIN users u ON u.id = t.author_id LEFT JOIN users asg ON asg.id = t.assignee_id WHERE 1 = 1 ";
    /**
     * SQLite, search text that few titles hold: start from the title index's matches (then sort them by
     * activity) rather than walk every ticket newest first. CROSS JOIN keeps that order of the loops.
     */
    private static final String FROM_TITLE_MATCHES = "(SELECT rowid AS id FROM " + SqliteTitleIndex.TABLE
            + " WHERE " + SqliteTitleIndex.TABLE + " MATCH :grams) g CROSS JOIN tickets t ON t.id = g.id ";
    /** The unread filter: the viewer's row in the unread index (V9, {@link UnreadIndex}). */
    private static final String UNREAD_ROW = "EXISTS (SELECT 1 FROM unread x WHERE x.user_id = :viewer "
            + "AND x.ticket_id = t.id) ";
    /**
     * The same on PostgreSQL, as a subquery per row: as a semi-join the planner takes the viewer's rows as
     * spread over all tickets, while a customer's are all in their account, and so it expects almost no match
     * and fetches every title match of the account to join (50 ms at a million tickets) instead of walking.
     */
    private static final String PG_UNREAD_ROW = "(SELECT true FROM unread x WHERE x.user_id = :viewer "
            + "AND x.ticket_id = t.id) ";
    /** A viewer with few unread tickets: start from their rows of the unread index, then sort by activity. */
    private static final String FROM_UNREAD_ROWS = "(SELECT ticket_id AS id FROM unread WHERE user_id = :viewer) g ";
    /**
     * At most this many unread tickets are fetched and sorted; more, and walking the tickets newest first (with
     * a probe of the index each) finds a page sooner. Tests set it to 0 to take the walk with few tickets.
     */
    static volatile int fewUnread = 3000;
    /**
     * At most this many candidates from the title index and the matches are fetched and sorted (a few ms);
     * more, and walking tickets newest first finds a page sooner (at least this many in a million tickets
     * is one in every ~330, so a page of 30 turns up within some ten thousand tickets). Tests set it to 0 to
     * take the other plan with few tickets.
     */
    static volatile int fewTitleMatches = 3000;
    /**
     * A customer sees their account's tickets only. Written out rather than as {@code (:all OR account_id = :a)}:
     * SQLite plans before the values are bound, and with the OR it walks every account's tickets.
     */
    private static final String OWN_ACCOUNT = "AND t.account_id = :account ";
    private static final String MESSAGE_SQL = "SELECT m.*, u.name AS author_name, u.role AS author_role "
            + "FROM messages m JOIN users u ON u.id = m.author_id ";

    protected final Handle h;
    /** The hot statements of a post, without Jdbi ({@link PlainJdbc}). */
    protected final PlainJdbc jdbc;
    protected final boolean postgres;

    TicketQueries(Handle handle, boolean postgres) {
        this.h = handle;
        this.jdbc = new PlainJdbc(handle);
        this.postgres = postgres;
    }

    public Optional<TicketHead> ticketHead(long ticketId) {
        return head(ticketId, "");
    }

    /**
     * The head with the ticket's row locked until the transaction ends, so that its status cannot change
     * between this read and the write that depends on it (a reply racing a close on another node). On
     * PostgreSQL {@code FOR NO KEY UPDATE}: it waits for a concurrent writer of the row and then reads the
     * committed row (READ COMMITTED re-reads it), and it does not block inserts that only reference the
     * ticket (messages, refs). SQLite has one writer at a time already.
     */
    public Optional<TicketHead> lockTicket(long ticketId) {
        return head(ticketId, postgres ? " FOR NO KEY UPDATE OF t" : "");
    }

    private Optional<TicketHead> head(long ticketId, String lock) {
        return jdbc.one("SELECT t.id, t.account_id, t.status, "
                        + "(SELECT COALESCE(MAX(m.id), 0) FROM messages m WHERE m.ticket_id = t.id) AS last_message, "
                        + "t.updated_at FROM tickets t WHERE t.id = ?" + lock,
                rs -> new TicketHead(rs.getLong(1), rs.getLong(2), Status.parse(rs.getString(3)),
                        rs.getLong(4), Instant.ofEpochMilli(rs.getLong(5))), ticketId);
    }

    public Optional<Ticket> ticket(long ticketId, Viewer viewer) {
        String sql = ONE_TICKET[(postgres ? 2 : 0) + (viewer.accountId() == null ? 0 : 1)];
        int otherSide = viewer.team() ? 0 : 1;
        return viewer.accountId() == null
                ? jdbc.one(sql, TicketQueries::ticketRow, otherSide, viewer.userId(), ticketId)
                : jdbc.one(sql, TicketQueries::ticketRow, otherSide, viewer.userId(), viewer.accountId(), ticketId);
    }

    /**
     * One ticket by id as a viewer sees it, in plain JDBC (a new ticket's answer is read in the writer's
     * transaction): SQLite, SQLite for a customer, PostgreSQL, PostgreSQL for a customer. Positional
     * parameters: otherSide, viewer, the customer's account, the ticket id.
     */
    private static final String[] ONE_TICKET = new String[4];

    static {
        for (int i = 0; i < 4; i++) {
            String sql = TICKET_COLUMNS + (i >= 2 ? PG_LISTS : SQLITE_LISTS) + "FROM tickets t " + TICKET_JOINS
                    + (i % 2 == 1 ? OWN_ACCOUNT : "") + "AND t.id = ?";
            ONE_TICKET[i] = sql.replace(":otherSide", "?").replace(":viewer", "?").replace(":account", "?");
        }
    }

    public List<Listed> tickets(TicketQuery q, Viewer viewer) {
        TitlePlan plan = !postgres && q.titleFolded() != null ? titlePlan(q.titleFolded()) : null;
        boolean fromMatches = plan != null && plan.few();
        boolean fromUnread = !fromMatches && q.unreadOnly() && fewUnread(viewer);
        String sql = columns() + (fromMatches ? FROM_TITLE_MATCHES : fromUnread ? fromUnreadRows() : "tickets t ")
                + TICKET_JOINS + (viewer.accountId() == null ? "" : OWN_ACCOUNT) + filters(q, true)
                + order(q, fromUnread && postgres) + " LIMIT :limit";
        Query query = bindFilters(bindViewer(h.createQuery(sql), viewer), q, true).bind("limit", q.limit());
        if (fromMatches) {
            query.bind("grams", plan.match());
        }
        List<Long> activity = new ArrayList<>();
        List<Ticket> tickets = query.map((rs, ctx) -> {
            activity.add(rs.getLong("activity"));
            return ticketRow(rs);
        }).list();
        List<Listed> listed = new ArrayList<>(tickets.size());
        for (int i = 0; i < tickets.size(); i++) {
            listed.add(new Listed(tickets.get(i), activity.get(i)));
        }
        return listed;
    }

    /**
     * How many tickets the viewer may see that match {@code q}'s filters (its cursor and limit are ignored):
     * the same account predicate and filters as {@link #tickets}.
     */
    public long countTickets(TicketQuery q, Viewer viewer) {
        // SQLite counts the index's candidates only (a scan of every title costs more than any list of them)
        boolean fromMatches = !postgres && q.titleFolded() != null;
        // every unread ticket is a row of the index: count those rather than probe every ticket
        boolean fromUnread = !fromMatches && q.unreadOnly();
        String sql = "SELECT COUNT(*) FROM " + (fromMatches ? FROM_TITLE_MATCHES : fromUnread ? fromUnreadRows()
                : "tickets t ") + "WHERE 1 = 1 " + (viewer.accountId() == null ? "" : OWN_ACCOUNT) + filters(q, false);
        Query query = h.createQuery(sql);
        if (fromMatches) {
            query.bind("grams", titlePlan(q.titleFolded()).match());
        }
        if (viewer.accountId() != null) {
            query.bind("account", viewer.accountId());
        }
        if (q.unreadOnly()) {
            query.bind("otherSide", viewer.team() ? 0 : 1).bind("viewer", viewer.userId());
        }
        return bindFilters(query, q, false).mapTo(Long.class).one();
    }

    /** The {@code AND ...} conditions of a listing after the account predicate. */
    private String filters(TicketQuery q, boolean withCursor) {
        StringBuilder sql = new StringBuilder();
        if (q.status() != null) {
            sql.append("AND t.status = :status ");
        }
        if (q.titleFolded() != null && !postgres) {
            sql.append("AND instr(t.title_folded, :text) > 0 ");
        } else if (q.titleFolded() != null) {
            sql.append("AND t.title_folded LIKE :pattern ESCAPE '\\' ");
            if (shortGram(q.titleFolded())) {
                // Too short for trigrams: the index of one- and two-character pieces narrows it (V4).
                sql.append("AND ticket_short_grams(t.title_folded) @> ARRAY[CAST(:gram AS text)] ");
            }
        }
        if (q.unreadOnly()) {
            sql.append("AND ").append(postgres ? PG_UNREAD_ROW : UNREAD_ROW);
        }
        if (q.type() != null) {
            sql.append("AND t.type = :type ");
        }
        if (q.label() != null) {
            sql.append("AND EXISTS (SELECT 1 FROM ticket_labels l WHERE l.ticket_id = t.id AND l.label = :label) ");
        }
        if (q.awaiting() != null) {
            // Done tickets await nobody (rules.md, contract); saying so also lets the walk use the open tickets' index
            // (bound, not quoted: Jdbi's parser reads ESCAPE '\\' above as opening a string)
            sql.append("AND t.status = :openStatus AND t.last_message_team = :lastTeam ");
        }
        QueueFilters.append(sql, q, withCursor);
        return sql.toString();
    }

    /** The ORDER BY of {@code q}'s sort; each ends in a unique key, so a cursor never skips or repeats. */
    private static String order(TicketQuery q, boolean sortRows) {
        // "+ 0": PostgreSQL then sorts the few rows it was given instead of walking an index in this order
        String plus = sortRows ? " + 0" : "";
        return switch (q.sort()) {
            case ACTIVITY -> "ORDER BY t.activity" + plus + " DESC";
            case DUE -> "ORDER BY t.due_at" + plus + ", t.id";
            case CREATED -> "ORDER BY t.id" + plus + " DESC";
        };
    }

    /** SQLite's CROSS JOIN keeps the loops in this order (the unread rows first); PostgreSQL is told by order(). */
    private String fromUnreadRows() {
        return FROM_UNREAD_ROWS + (postgres ? "JOIN" : "CROSS JOIN") + " tickets t ON t.id = g.id ";
    }

    /** Whether the viewer has at most {@link #fewUnread} unread tickets (counting no further). */
    private boolean fewUnread(Viewer viewer) {
        return h.createQuery("SELECT COUNT(*) FROM (SELECT 1 FROM unread WHERE user_id = :viewer LIMIT :bound) x")
                .bind("viewer", viewer.userId()).bind("bound", fewUnread + 1).mapTo(Long.class).one() <= fewUnread;
    }

    private Query bindFilters(Query query, TicketQuery q, boolean withCursor) {
        if (q.status() != null) {
            query.bind("status", q.status().wire());
        }
        if (q.titleFolded() != null && !postgres) {
            query.bind("text", q.titleFolded());
        } else if (q.titleFolded() != null) {
            query.bind("pattern", "%" + escapeLike(q.titleFolded()) + "%");
            if (shortGram(q.titleFolded())) {
                query.bind("gram", q.titleFolded());
            }
        }
        if (q.type() != null) {
            query.bind("type", q.type().wire());
        }
        if (q.label() != null) {
            query.bind("label", q.label());
        }
        if (q.awaiting() != null) {
            query.bind("lastTeam", q.awaiting() == Awaiting.TEAM ? 0 : 1)
                    .bind("openStatus", Status.ON_CUSTOMER.wire());
        }
        return QueueFilters.bind(query, q, withCursor);
    }

    public List<Message> messages(long ticketId) {
        List<Message> plain = h.createQuery(MESSAGE_SQL + "WHERE m.ticket_id = :t ORDER BY m.id")
                .bind("t", ticketId).map((rs, ctx) -> messageRow(rs)).list();
        Map<Long, List<Attachment>> files = new HashMap<>();
        h.createQuery("SELECT * FROM attachments WHERE ticket_id = :t ORDER BY id").bind("t", ticketId)
                .map((rs, ctx) -> Map.entry(rs.getLong("message_id"), attachmentRow(rs)))
                .forEach(e -> files.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
        if (files.isEmpty()) {
            return plain;
        }
        return plain.stream().map(m -> m.withAttachments(files.getOrDefault(m.id(), List.of())))
                .collect(Collectors.toList());
    }

    public Optional<Message> message(long messageId) {
        Optional<Message> plain = h.createQuery(MESSAGE_SQL + "WHERE m.id = :id").bind("id", messageId)
                .map((rs, ctx) -> messageRow(rs)).findOne();
        return plain.map(m -> m.withAttachments(
                h.createQuery("SELECT * FROM attachments WHERE message_id = :m ORDER BY id").bind("m", messageId)
                        .map((rs, ctx) -> attachmentRow(rs)).list()));
    }

    /** Where a SQLite search starts: the index's matches for {@code match}, or (not {@code few}) the newest. */
    record TitlePlan(String match, boolean few) {
    }

    /**
     * Picks the SQLite plan for search text. Text of up to three characters is one token of the index. Longer
     * text asks for its three-character pieces, but a piece in more than 3,000 titles (say "код" of
     * "код4242") makes the index read a long list to intersect for nothing: such pieces are left out when a
     * rarer one is there, and two rare ones are enough (every row is checked for the whole text anyway).
     * Then: few candidates, start from
     * them; many, walk tickets newest first.
     */
    TitlePlan titlePlan(String folded) {
        List<String> tokens = TitleGrams.tokens(folded, 8);
        List<String> rare = new ArrayList<>();
        for (int i = 0; i < tokens.size() && rare.size() < 2; i++) { // two rare pieces narrow it enough
            if (tokens.size() == 1 || titleCandidates(tokens.get(i), COMMON_PIECE + 1) <= COMMON_PIECE) {
                rare.add(tokens.get(i));
            }
        }
        String match = String.join(" AND ", rare.isEmpty() ? tokens : rare);
        return new TitlePlan(match, titleCandidates(match, fewTitleMatches + 1) <= fewTitleMatches);
    }

    /** A piece of title in more tickets than this is not worth intersecting (see {@link #titlePlan}). */
    private static final int COMMON_PIECE = 3_000;

    /** How many tickets the SQLite title index offers for the query, counting no further than {@code bound}. */
    private long titleCandidates(String match, int bound) {
        return h.createQuery("SELECT COUNT(*) FROM (SELECT 1 FROM " + SqliteTitleIndex.TABLE + " WHERE "
                        + SqliteTitleIndex.TABLE + " MATCH :grams LIMIT :bound)")
                .bind("grams", match).bind("bound", bound).mapTo(Long.class).one();
    }

    private String columns() {
        return TICKET_COLUMNS + (postgres ? PG_LISTS : SQLITE_LISTS) + "FROM ";
    }

    private static Query bindViewer(Query query, Viewer viewer) {
        query.bind("otherSide", viewer.team() ? 0 : 1).bind("viewer", viewer.userId());
        return viewer.accountId() == null ? query : query.bind("account", viewer.accountId());
    }

    private static Ticket ticketRow(ResultSet rs) throws SQLException {
        Author author = new Author(rs.getLong("author_id"), rs.getString("author_name"),
                Role.parse(rs.getString("author_role")));
        Status status = Status.parse(rs.getString("status"));
        // derived on reading, so no stored row can disagree: nobody's turn on a Done ticket
        Awaiting awaiting = status == Status.DONE ? null
                : rs.getInt("last_message_team") == 0 ? Awaiting.TEAM : Awaiting.CUSTOMER;
        return new Ticket(rs.getLong("id"), rs.getString("title"), status,
                TicketType.parse(rs.getString("type")), rs.getString("about"), rs.getString("dialog_url"),
                rs.getString("account_name"), author, instant(rs, "created_at"), instant(rs, "updated_at"),
                instant(rs, "closed_at"), instant(rs, "due_at"),
                awaiting,
                rs.getInt("unread"), rs.getInt("message_count"), list(rs.getString("ref_list"), Long::valueOf),
                list(rs.getString("label_list"), label -> label), assignee(rs), null, null);
    }

    private static Assignee assignee(ResultSet rs) throws SQLException {
        Long id = nullableLong(rs, "assignee_id");
        return id == null ? null : new Assignee(id, rs.getString("assignee_name"));
    }

    /** The items of a comma-separated list, or null (as the JSON leaves it out) when there are none. */
    private static <T> List<T> list(String joined, java.util.function.Function<String, T> item) {
        return joined == null ? null : Arrays.stream(joined.split(",")).map(item).toList();
    }

    private static Message messageRow(ResultSet rs) throws SQLException {
        Author author = new Author(rs.getLong("author_id"), rs.getString("author_name"),
                Role.parse(rs.getString("author_role")));
        return new Message(rs.getLong("id"), rs.getLong("ticket_id"), author, rs.getString("body"),
                instant(rs, "created_at"), List.of(), instant(rs, "redacted_at"));
    }

    static Attachment attachmentRow(ResultSet rs) throws SQLException {
        return new Attachment(rs.getLong("id"), rs.getString("filename"), rs.getString("content_type"),
                rs.getLong("size"), rs.getString("sha256"));
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        long millis = rs.getLong(column);
        return rs.wasNull() ? null : Instant.ofEpochMilli(millis);
    }

    static Long nullableLong(ResultSet rs, String column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }

    private boolean shortGram(String text) {
        return postgres && text.codePointCount(0, text.length()) <= 2;
    }

    static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
