package dev.ticket.store;

import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.jdbi.v3.core.statement.DefaultStatementBuilder;
import org.jdbi.v3.core.statement.StatementBuilder;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * Keeps the SQLite writer's prepared statements between uses (SQLite's own prepared-statement reuse), on the
 * one connection the writer holds: a reply runs about ten statements, and compiling each again every time
 * (sqlite3_prepare) was about a sixth of the writer thread's CPU samples, and the writer thread is what bounds durable
 * writes per second. The least recently used statements are closed past {@link #MAX}; a statement still in
 * use (a query read while another runs the same text) gets a fresh, uncached one.
 */
final class CachedStatements implements StatementBuilder {
    private static final int MAX = 200;

    private final StatementBuilder fresh = new DefaultStatementBuilder();
    private final Set<Statement> inUse = Collections.newSetFromMap(new IdentityHashMap<>());
    private final Map<String, PreparedStatement> cache = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, PreparedStatement> eldest) {
            if (size() <= MAX || inUse.contains(eldest.getValue())) {
                return false;
            }
            quietlyClose(eldest.getValue());
            return true;
        }
    };

    @Override
    public Statement create(Connection conn, StatementContext ctx) throws SQLException {
        return fresh.create(conn, ctx);
    }

    @Override
    public PreparedStatement create(Connection conn, String sql, StatementContext ctx) throws SQLException {
        String key = ctx.isReturningGeneratedKeys()
                ? "keys " + String.join(",", ctx.getGeneratedKeysColumnNames()) + "\n" + sql : sql;
        return borrow(key, () -> fresh.create(conn, sql, ctx));
    }

    /**
     * The kept statement for {@code sql} for plain JDBC ({@link PlainJdbc}), to be given back with
     * {@link #giveBack} (never closed by the caller).
     */
    PreparedStatement borrow(Connection conn, String sql) throws SQLException {
        return borrow(sql, () -> conn.prepareStatement(sql));
    }

    /** Ends a use of a statement from {@link #borrow}: it is kept for the next (or closed, if it was not kept). */
    void giveBack(PreparedStatement statement) throws SQLException {
        if (!inUse.remove(statement)) {
            statement.close();
        }
    }

    private interface Preparer {
        PreparedStatement prepare() throws SQLException;
    }

    private PreparedStatement borrow(String key, Preparer preparer) throws SQLException {
        PreparedStatement cached = cache.get(key);
        if (cached != null && !inUse.contains(cached) && !cached.isClosed()) {
            cached.clearParameters();
            inUse.add(cached);
            return cached;
        }
        PreparedStatement created = preparer.prepare();
        if (cached == null || cached.isClosed()) {
            cache.put(key, created);
            inUse.add(created);
        }
        return created;
    }

    @Override
    public CallableStatement createCall(Connection conn, String sql, StatementContext ctx) throws SQLException {
        return fresh.createCall(conn, sql, ctx);
    }

    @Override
    public void close(Connection conn, String sql, Statement stmt) throws SQLException {
        if (!inUse.remove(stmt)) {
            fresh.close(conn, sql, stmt);
        }
    }

    /** Closes every kept statement (the connection is given back or dropped). */
    @Override
    public void close(Connection conn) {
        cache.values().forEach(CachedStatements::quietlyClose);
        cache.clear();
        inUse.clear();
    }

    private static void quietlyClose(Statement statement) {
        try {
            statement.close();
        } catch (SQLException ignored) {
            // the statement is dropped either way
        }
    }
}
