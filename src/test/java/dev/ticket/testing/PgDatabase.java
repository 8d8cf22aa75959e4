package dev.ticket.testing;

import static org.junit.jupiter.api.Assertions.fail;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;

/**
 * A fresh PostgreSQL database for one test class, dropped on close. The server comes from
 * {@code TICKET_TEST_PG_URL} (an admin connection URL); tests skip when none answers, unless
 * {@code TICKET_REQUIRE_PG=1} (CI), where that is a failure.
 */
public final class PgDatabase implements AutoCloseable {
    static final String DEFAULT_ADMIN_URL = "jdbc:postgresql://127.0.0.1:5432/test?user=postgres";

    private final String adminUrl;
    private final String name;
    private final String url;

    private PgDatabase(String adminUrl, String name) {
        this.adminUrl = adminUrl;
        this.name = name;
        this.url = withDatabase(adminUrl, name);
    }

    /** Creates {@code ticket_test_<random>}; skips (or fails under CI) when PostgreSQL is not reachable. */
    public static PgDatabase create() {
        String adminUrl = adminUrl();
        String name = "ticket_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection c = DriverManager.getConnection(adminUrl); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            String why = "PostgreSQL at " + adminUrl + " is not usable (" + e.getMessage()
                    + "); set TICKET_TEST_PG_URL to an admin JDBC URL to run these tests.";
            if ("1".equals(System.getenv("TICKET_REQUIRE_PG"))) {
                fail(why + " TICKET_REQUIRE_PG=1, so this is a failure.");
            }
            Assumptions.abort(why);
        }
        return new PgDatabase(adminUrl, name);
    }

    /** The URL of another database on the same server as the admin URL. */
    public static String urlOf(String database) {
        return withDatabase(adminUrl(), database);
    }

    /** The admin connection URL the tests use. */
    static String adminUrl() {
        return System.getenv().getOrDefault("TICKET_TEST_PG_URL", DEFAULT_ADMIN_URL);
    }

    /** The JDBC URL of this database (same server, user and parameters as the admin URL). */
    public String url() {
        return url;
    }

    public String name() {
        return name;
    }

    /** Runs SQL on the admin connection (e.g. to cut this database's connections). */
    public void admin(String sql) {
        try (Connection c = DriverManager.getConnection(adminUrl); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    /** Refuses new connections to this database and ends the open ones: the database is "down" for the app. */
    public void goDown() {
        admin("ALTER DATABASE " + name + " ALLOW_CONNECTIONS false");
        terminateConnections();
    }

    /** Accepts connections again. */
    public void comeBack() {
        admin("ALTER DATABASE " + name + " ALLOW_CONNECTIONS true");
    }

    /** Ends every open connection to this database (as when the server restarts). */
    public void terminateConnections() {
        admin("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '" + name
                + "' AND pid <> pg_backend_pid()");
    }

    @Override
    public void close() {
        admin("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    }

    static String withDatabase(String jdbcUrl, String database) {
        String prefix = "jdbc:postgresql://";
        if (!jdbcUrl.toLowerCase(Locale.ROOT).startsWith(prefix)) {
            throw new IllegalArgumentException("not a PostgreSQL JDBC URL: " + jdbcUrl);
        }
        int query = jdbcUrl.indexOf('?');
        String params = query < 0 ? "" : jdbcUrl.substring(query);
        String base = query < 0 ? jdbcUrl : jdbcUrl.substring(0, query);
        int slash = base.indexOf('/', prefix.length());
        String hostPart = slash < 0 ? base : base.substring(0, slash);
        return hostPart + "/" + database + params;
    }
}
