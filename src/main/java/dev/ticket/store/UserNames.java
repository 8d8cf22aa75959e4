package dev.ticket.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.text.Normalizer;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.flywaydb.core.api.migration.Context;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Migration 10, both stores: a user's name names one enabled user, ignoring case, so {@code assign --to alice}
 * and {@code admin user disable alice} never have to ask for an id. {@code users.name_key} holds the name
 * folded here in Java (NFKC, Unicode lower case: the same on SQLite, whose {@code lower()} knows only ASCII,
 * and on PostgreSQL), and a partial unique index over the enabled users' keys refuses a second one even when
 * two nodes add the same name at once. Users that already share a name keep it: the later ones get no key
 * (the index does not see them) and the log names them, so an admin can disable or replace them.
 */
final class UserNames extends RowMigration {
    private static final Logger LOG = LoggerFactory.getLogger("ticket.store");

    UserNames() {
        super(10, "one enabled user per name");
    }

    /** The key two names share when they name the same user: NFKC, then lower case (Unicode, no locale). */
    static String key(String name) {
        return Normalizer.normalize(name.strip(), Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
    }

    @Override
    public void migrate(Context context) throws SQLException {
        Connection c = context.getConnection();
        try (Statement s = c.createStatement()) {
            s.execute("ALTER TABLE users ADD COLUMN name_key TEXT");
        }
        Map<String, Long> enabled = new HashMap<>();
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT id, name, disabled_at FROM users ORDER BY id");
             PreparedStatement set = c.prepareStatement("UPDATE users SET name_key = ? WHERE id = ?")) {
            while (rs.next()) {
                long id = rs.getLong(1);
                String key = key(rs.getString(2));
                rs.getLong(3);
                if (rs.wasNull()) {
                    Long first = enabled.putIfAbsent(key, id);
                    if (first != null) {
                        LOG.warn("user #{} has the same name as user #{} ('{}'): both keep working, but a name "
                                + "should name one user; disable one (ticket admin user disable '#{}')", id, first,
                                rs.getString(2), id);
                        continue;
                    }
                }
                set.setString(1, key);
                set.setLong(2, id);
                set.executeUpdate();
            }
        }
        try (Statement s = c.createStatement()) {
            s.execute("CREATE UNIQUE INDEX users_enabled_name ON users (name_key) WHERE disabled_at IS NULL");
        }
    }
}
