package dev.ticket.testing;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads a running service's SQLite file directly, to see what it really stored. */
public final class SqliteFile {
    private final String url;

    public SqliteFile(Path dataDir) {
        this.url = "jdbc:sqlite:" + dataDir.resolve("ticket.db");
    }

    public long count(String table) {
        return rows("SELECT COUNT(*) AS n FROM " + table).get(0).values().stream()
                .mapToLong(v -> ((Number) v).longValue()).sum();
    }

    /** Row counts of the tables a write touches, to prove a refused request left nothing behind. */
    public Map<String, Long> writeCounts() {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String table : List.of("tickets", "messages", "attachments", "ticket_refs", "ticket_labels", "events",
                "idempotency", "users", "tokens", "read_markers")) {
            counts.put(table, count(table));
        }
        return counts;
    }

    /** Runs one UPDATE or DELETE with positional parameters, as if someone had tampered with the file. */
    public int update(String sql, Object... parameters) {
        try (Connection c = DriverManager.getConnection(url);
             java.sql.PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                s.setObject(i + 1, parameters[i]);
            }
            return s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every row of a query as column name to value. */
    public List<Map<String, Object>> rows(String sql) {
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            List<Map<String, Object>> rows = new ArrayList<>();
            while (rs.next()) {
                Map<String, Object> row = new LinkedHashMap<>();
                for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                    row.put(rs.getMetaData().getColumnLabel(i), rs.getObject(i));
                }
                rows.add(row);
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
