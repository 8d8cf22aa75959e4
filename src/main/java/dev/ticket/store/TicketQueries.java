package dev.ticket.store;

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
    private static final String TICKET_SQL = "SELECT t.*, a.name AS account_name, u.name AS author_name, "
            + "u.role AS author_role, " + UNREAD + " AS unread FROM tickets t "
            + "JOIN accounts a ON a.id = t.account_id JOIN users u ON u.id = t.author_id WHERE 1 = 1 ";
    /**
     * A customer sees their account's tickets only. Written out rather than as {@code (:all OR account_id = :a)}:
     * SQLite plans before the values are bound, and with the OR it walks every account's tickets.
     */
    private static final String OWN_ACCOUNT = "AND t.account_id = :account ";
    private static final String MESSAGE_SQL = "SELECT m.*, u.name AS author_name, u.role AS author_role "
            + "FROM messages m JOIN users u ON u.id = m.author_id ";

    protected final Handle h;
    protected final boolean postgres;

    TicketQueries(Handle handle, boolean postgres) {
        this.h = handle;
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
        return h.createQuery("SELECT t.id, t.account_id, t.status, "
                        + "(SELECT COALESCE(MAX(m.id), 0) FROM messages m WHERE m.ticket_id = t.id) AS last_message, "
                        + "t.updated_at FROM tickets t WHERE t.id = :id" + lock)
                .bind("id", ticketId)
                .map((rs, ctx) -> new TicketHead(rs.getLong(1), rs.getLong(2), Status.parse(rs.getString(3)),
                        rs.getLong(4), Instant.ofEpochMilli(rs.getLong(5))))
                .findOne();
    }

    public Optional<Ticket> ticket(long ticketId, Viewer viewer) {
        List<Ticket> found = withRefsAndLabels(bindViewer(h.createQuery(ticketSql(viewer) + "AND t.id = :id"), viewer)
                .bind("id", ticketId).map((rs, ctx) -> ticketRow(rs)).list());
        return found.stream().findFirst();
    }

    public List<Listed> tickets(TicketQuery q, Viewer viewer) {
        String sql = ticketSql(viewer) + filters(q, true) + "ORDER BY t.activity DESC LIMIT :limit";
        Query query = bindFilters(bindViewer(h.createQuery(sql), viewer), q, true).bind("limit", q.limit());
        List<Long> activity = new ArrayList<>();
        List<Ticket> tickets = withRefsAndLabels(query.map((rs, ctx) -> {
            activity.add(rs.getLong("activity"));
            return ticketRow(rs);
        }).list());
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
        String sql = "SELECT COUNT(*) FROM tickets t WHERE 1 = 1 "
                + (viewer.accountId() == null ? "" : OWN_ACCOUNT) + filters(q, false);
        Query query = h.createQuery(sql);
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
        if (q.titleFolded() != null) {
            sql.append("AND t.title_folded LIKE :pattern ESCAPE '\\' ");
            if (shortGram(q.titleFolded())) {
                // Too short for trigrams: the index of one- and two-character pieces narrows it (V4).
                sql.append("AND ticket_short_grams(t.title_folded) @> ARRAY[CAST(:gram AS text)] ");
            }
        }
        if (q.unreadOnly()) {
            sql.append("AND ").append(UNREAD).append(" > 0 ");
        }
        if (q.type() != null) {
            sql.append("AND t.type = :type ");
        }
        if (q.label() != null) {
            sql.append("AND EXISTS (SELECT 1 FROM ticket_labels l WHERE l.ticket_id = t.id AND l.label = :label) ");
        }
        if (q.awaiting() != null) {
            // whose turn it is means nothing on a Done ticket: the queues hold open tickets only
            sql.append("AND t.last_message_team = :lastTeam AND t.status = 'on_customer' ");
        }
        if (withCursor && q.before() != null) {
            sql.append("AND t.activity < :before ");
        }
        return sql.toString();
    }

    private Query bindFilters(Query query, TicketQuery q, boolean withCursor) {
        if (q.status() != null) {
            query.bind("status", q.status().wire());
        }
        if (q.titleFolded() != null) {
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
            query.bind("lastTeam", q.awaiting() == Awaiting.TEAM ? 0 : 1);
        }
        if (withCursor && q.before() != null) {
            query.bind("before", q.before());
        }
        return query;
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
        return plain.stream().map(m -> new Message(m.id(), m.ticketId(), m.author(), m.body(), m.createdAt(),
                files.getOrDefault(m.id(), List.of()))).collect(Collectors.toList());
    }

    public Optional<Message> message(long messageId) {
        Optional<Message> plain = h.createQuery(MESSAGE_SQL + "WHERE m.id = :id").bind("id", messageId)
                .map((rs, ctx) -> messageRow(rs)).findOne();
        return plain.map(m -> new Message(m.id(), m.ticketId(), m.author(), m.body(), m.createdAt(),
                h.createQuery("SELECT * FROM attachments WHERE message_id = :m ORDER BY id").bind("m", messageId)
                        .map((rs, ctx) -> attachmentRow(rs)).list()));
    }

    private static String ticketSql(Viewer viewer) {
        return viewer.accountId() == null ? TICKET_SQL : TICKET_SQL + OWN_ACCOUNT;
    }

    private static Query bindViewer(Query query, Viewer viewer) {
        query.bind("otherSide", viewer.team() ? 0 : 1).bind("viewer", viewer.userId());
        return viewer.accountId() == null ? query : query.bind("account", viewer.accountId());
    }

    private List<Ticket> withRefsAndLabels(List<Ticket> tickets) {
        if (tickets.isEmpty()) {
            return tickets;
        }
        List<Long> ids = tickets.stream().map(Ticket::id).collect(Collectors.toList());
        Map<Long, List<Long>> refs = new HashMap<>();
        h.createQuery("SELECT ticket_id, ref_id FROM ticket_refs WHERE ticket_id IN (<ids>) ORDER BY ref_id")
                .bindList("ids", ids).map((rs, ctx) -> Map.entry(rs.getLong(1), rs.getLong(2)))
                .forEach(e -> refs.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
        Map<Long, List<String>> labels = new HashMap<>();
        h.createQuery("SELECT ticket_id, label FROM ticket_labels WHERE ticket_id IN (<ids>) ORDER BY label")
                .bindList("ids", ids).map((rs, ctx) -> Map.entry(rs.getLong(1), rs.getString(2)))
                .forEach(e -> labels.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
        if (refs.isEmpty() && labels.isEmpty()) {
            return tickets;
        }
        return tickets.stream().map(t -> new Ticket(t.id(), t.title(), t.status(), t.type(), t.about(),
                t.dialogUrl(), t.account(), t.author(), t.createdAt(), t.updatedAt(), t.closedAt(), t.dueAt(),
                t.awaiting(), t.unread(), t.messageCount(), refs.get(t.id()), labels.get(t.id()), null, null))
                .collect(Collectors.toList());
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
                instant(rs, "closed_at"), instant(rs, "due_at"), awaiting, rs.getInt("unread"), rs.getInt("message_count"), null, null, null, null);
    }

    private static Message messageRow(ResultSet rs) throws SQLException {
        Author author = new Author(rs.getLong("author_id"), rs.getString("author_name"),
                Role.parse(rs.getString("author_role")));
        return new Message(rs.getLong("id"), rs.getLong("ticket_id"), author, rs.getString("body"),
                instant(rs, "created_at"), List.of());
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
