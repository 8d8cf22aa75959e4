package dev.ticket.store;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Properties;
import org.postgresql.Driver;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/**
 * One connection to PostgreSQL before the pools open, so that a {@code --db} that cannot work is told in one
 * sentence that names the cause (rules.md, command line: one clear line), not as the pool's timeout wrapped in
 * Flyway's report: an {@link Unreachable} when nothing answers there (it may come up later), a {@link Refused}
 * when the server answered and refused (no such database or role, a wrong password: the URL is wrong).
 */
public final class PgReach {
    private PgReach() {
    }

    /** Opens and closes one connection to {@code jdbcUrl}; an {@link Unreachable} or {@link Refused} if it fails. */
    public static void check(String jdbcUrl) {
        Properties parsed = Driver.parseURL(jdbcUrl, new Properties());
        String where = parsed == null ? "the --db URL"
                : parsed.getProperty("PGHOST", "localhost") + ":" + parsed.getProperty("PGPORT", "5432");
        try (Connection c = new Driver().connect(jdbcUrl, new Properties())) {
            if (c == null) {
                throw new Refused("it is not a PostgreSQL JDBC URL (jdbc:postgresql://HOST/DB)", null);
            }
        } catch (SQLException e) {
            ServerErrorMessage server = e instanceof PSQLException p ? p.getServerErrorMessage() : null;
            if (server != null && server.getMessage() != null && !server.getSQLState().startsWith("57P")) {
                throw new Refused(server.getMessage() + " (PostgreSQL at " + where + ")", e);
            }
            throw new Unreachable("cannot reach PostgreSQL at " + where + ": " + why(e), e);
        }
    }

    /** Why nothing answered, in a few lower-case words. */
    private static String why(SQLException e) {
        Throwable cause = e.getCause();
        if (cause instanceof ConnectException) {
            return "connection refused";
        }
        if (cause instanceof UnknownHostException) {
            return "unknown host";
        }
        if (cause instanceof SocketTimeoutException) {
            return "timed out";
        }
        if (cause instanceof NoRouteToHostException) {
            return "no route to host";
        }
        String text = e instanceof PSQLException p && p.getServerErrorMessage() != null
                ? p.getServerErrorMessage().getMessage() : e.getMessage();
        text = text == null ? "" : text.lines().findFirst().orElse("").strip();
        return text.isEmpty() ? "no answer" : Character.toLowerCase(text.charAt(0)) + text.substring(1);
    }

    /** Nothing answers at the URL's address, or the server is not taking connections yet. */
    public static final class Unreachable extends StoreException {
        Unreachable(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** The server answered and refused: the URL names a database or role it has not, or a wrong password. */
    public static final class Refused extends StoreException {
        Refused(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
