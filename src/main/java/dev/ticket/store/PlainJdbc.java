package dev.ticket.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * The statements every durable post runs (a new ticket or message, its event, the unread index, the read
 * marker), in plain JDBC on the transaction's connection. Through Jdbi, binding named arguments, finding
 * argument factories and row mappers and building a statement context cost more of the SQLite writer's
 * time than SQLite took to run most of these statements, and the writer thread is what bounds durable
 * writes per second. On the writer's connection the prepared statements are kept ({@link CachedStatements});
 * elsewhere (a read, PostgreSQL) each is prepared and closed, as Jdbi does. New rows give their id with
 * {@code RETURNING id} (SQLite and PostgreSQL): the driver's generated keys cost SQLite a second statement,
 * compiled again for every insert. Errors come as {@link StoreException} with the driver's error as cause.
 */
final class PlainJdbc {
    private final Handle h;
    private final CachedStatements kept;

    PlainJdbc(Handle handle) {
        this.h = handle;
        this.kept = handle.getStatementBuilder() instanceof CachedStatements cached ? cached : null;
    }

    /** Reads one column of a row. */
    interface Row<T> {
        T map(ResultSet rs) throws SQLException;
    }

    /** Runs an INSERT that ends in {@code RETURNING id}; the new row's id. */
    long insert(String sql, Object... args) {
        return one(sql, rs -> rs.getLong(1), args).orElseThrow(() -> new StoreException("no id for: " + sql, null));
    }

    /** Runs an INSERT, UPDATE or DELETE; how many rows it changed. */
    int update(String sql, Object... args) {
        PreparedStatement s = prepare(sql, args);
        try {
            return s.executeUpdate();
        } catch (SQLException e) {
            throw failed(sql, e);
        } finally {
            release(s);
        }
    }

    /** The first row of a query (or of an INSERT's RETURNING), if any. */
    <T> Optional<T> one(String sql, Row<T> row, Object... args) {
        PreparedStatement s = prepare(sql, args);
        try (ResultSet rs = s.executeQuery()) {
            return rs.next() ? Optional.of(row.map(rs)) : Optional.empty();
        } catch (SQLException e) {
            throw failed(sql, e);
        } finally {
            release(s);
        }
    }

    private PreparedStatement prepare(String sql, Object[] args) {
        PreparedStatement s = null;
        try {
            s = kept != null ? kept.borrow(h.getConnection(), sql) : h.getConnection().prepareStatement(sql);
            for (int i = 0; i < args.length; i++) {
                bind(s, i + 1, args[i]);
            }
            return s;
        } catch (SQLException e) {
            if (s != null) {
                release(s);
            }
            throw failed(sql, e);
        }
    }

    private static void bind(PreparedStatement s, int index, Object value) throws SQLException {
        if (value == null) {
            s.setNull(index, Types.OTHER);
        } else if (value instanceof Long l) {
            s.setLong(index, l);
        } else if (value instanceof Integer i) {
            s.setInt(index, i);
        } else if (value instanceof String text) {
            s.setString(index, text);
        } else if (value instanceof Boolean b) {
            s.setBoolean(index, b);
        } else {
            throw new IllegalArgumentException("cannot bind a " + value.getClass().getName());
        }
    }

    private void release(PreparedStatement s) {
        try {
            if (kept != null) {
                kept.giveBack(s);
            } else {
                s.close();
            }
        } catch (SQLException ignored) {
            // the statement is dropped either way
        }
    }

    private static StoreException failed(String sql, SQLException e) {
        return new StoreException(e.getMessage() + " [statement: \"" + sql + "\"]", e);
    }
}
