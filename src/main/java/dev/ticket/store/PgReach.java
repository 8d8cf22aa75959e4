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
 * Flyway's report ({@link Failure}).
 */
public final class PgReach {
    private PgReach() {
    }

    /** Opens and closes one connection to {@code jdbcUrl}; a {@link Failure} that says why if it cannot. */
    public static void check(String jdbcUrl) {
        Properties parsed = Driver.parseURL(jdbcUrl, new Properties());
        String where = parsed == null ? "the --db URL"
                : parsed.getProperty("PGHOST", "localhost") + ":" + parsed.getProperty("PGPORT", "5432");
        try (Connection c = new Driver().connect(jdbcUrl, new Properties())) {
            if (c == null) {
                throw new Failure("it is not a PostgreSQL JDBC URL (jdbc:postgresql://HOST/DB)", true, null);
            }
        } catch (SQLException e) {
            ServerErrorMessage server = e instanceof PSQLException p ? p.getServerErrorMessage() : null;
            if (server != null && server.getMessage() != null && !server.getSQLState().startsWith("57P")) {
                throw new Failure(server.getMessage() + " (PostgreSQL at " + where + ")", true, e);
            }
            throw new Failure("cannot reach PostgreSQL at " + where + ": " + why(e), false, e);
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

    /**
     * PostgreSQL cannot be used: {@link #answered} when the server answered and refused (no such database or role,
     * a wrong password: the URL is wrong), else nothing answers there (it may come up later).
     */
    public static final class Failure extends StoreException {
        private final boolean answered;

        Failure(String message, boolean answered, Throwable cause) {
            super(message, cause);
            this.answered = answered;
        }

        public boolean answered() {
            return answered;
        }
    }
}
