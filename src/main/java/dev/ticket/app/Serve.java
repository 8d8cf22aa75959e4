package dev.ticket.app;

import dev.ticket.server.LogSetup;
import dev.ticket.server.ServerSettings;
import dev.ticket.service.Bootstrap;
import dev.ticket.store.DataDirLock;
import dev.ticket.store.PgReach;
import java.io.IOException;
import java.nio.file.Path;

/**
 * The one way in from the command line to the service: {@code ticket serve} hands over its {@link ServeOptions}
 * and gets back a running service it can ask for its address and stop. The command sees no type of the server,
 * the rules or the store (the layering test holds it to this class and {@link ServeOptions}).
 */
public final class Serve implements AutoCloseable {
    private final TicketApp app;

    private Serve(TicketApp app) {
        this.app = app;
    }

    /**
     * Checks the options and returns what {@link #start} runs: an {@link ServeOptions.Invalid} for a value the service
     * cannot run with, before anything is opened.
     */
    public static Plan plan(ServeOptions options) {
        return new Plan(ServeSettings.of(options));
    }

    /**
     * Opens the store and starts listening. A {@link java.net.BindException} (or an {@code IOException} caused by
     * one) when the port is taken; a {@link DataDirInUse} when another service holds the data directory; a
     * {@link CannotStart} when the data directory or PostgreSQL at {@code --db} cannot be used.
     */
    public static Serve start(Plan plan) throws IOException {
        try {
            return new Serve(TicketApp.start(plan.settings));
        } catch (DataDirLock.InUseException e) {
            throw new DataDirInUse(e.getMessage(), e);
        } catch (DataDirLock.UnusableException e) {
            throw new CannotStart(CannotStart.Why.DATA_DIR, e);
        } catch (PgReach.Failure e) {
            throw new CannotStart(e.answered() ? CannotStart.Why.DATABASE_REFUSED : CannotStart.Why.DATABASE_AWAY, e);
        }
    }

    /**
     * Starts the service's one-time library initialisation on another core ({@link Preload}) while the command
     * line is parsed; {@code sqlite} when the store will be SQLite.
     */
    public static void preload(boolean sqlite) {
        Preload.start(sqlite);
    }

    /** How the service logs on stderr from now on: {@code text} lines or {@code json} objects. */
    public static void logFormat(String format) {
        LogSetup.use(format);
    }

    /** Serves {@code GET /metrics} without a token on 127.0.0.1:{@code port} (0: any free port); the port taken. */
    public int serveMetricsOnLoopback(int port) throws IOException {
        return app.server().serveMetricsOnLoopback(port);
    }

    /** The base URL clients on this machine use. */
    public String url() {
        return app.url();
    }

    /** True when this start created the first admin, whose token is in {@link #adminTokenFile()}. */
    public boolean adminCreated() {
        return app.adminCreated();
    }

    public Path adminTokenFile() {
        return app.adminTokenFile();
    }

    /**
     * The demo account's customer and agent ({@code --dev}), created if missing, with the saved tokens when these
     * still sign them in (a restart then adds no tokens), else fresh ones. A saved token may be null.
     */
    public Demo demo(String savedCustomerToken, String savedAgentToken) {
        Bootstrap.DemoUsers users = app.demoUsers(savedCustomerToken, savedAgentToken);
        return new Demo(Bootstrap.DEMO_ACCOUNT, users.customer().name(), users.customer().token(),
                users.agent().name(), users.agent().token());
    }

    /** Finishes requests in flight, then closes the store. */
    @Override
    public void close() {
        app.close();
    }

    /** Checked settings, ready to start. */
    public static final class Plan {
        private final ServerSettings settings;

        private Plan(ServerSettings settings) {
            this.settings = settings;
        }
    }

    /** The demo account ({@code --dev}): its name, and its customer's and agent's names and tokens. */
    public record Demo(String account, String customerName, String customerToken, String agentName,
                       String agentToken) {
    }

    /** The service cannot start with what it was given; {@link #why} says what, the message says how. */
    public static final class CannotStart extends IOException {
        /** What stopped it. */
        public enum Why {
            /** --data is a file, or cannot be created or written. */
            DATA_DIR,
            /** PostgreSQL answered and refused --db: no such database or role, a wrong password. */
            DATABASE_REFUSED,
            /** Nothing answers at --db's address, or PostgreSQL is not taking connections yet. */
            DATABASE_AWAY
        }

        private final Why why;

        CannotStart(Why why, Exception cause) {
            super(cause.getMessage(), cause);
            this.why = why;
        }

        public Why why() {
            return why;
        }
    }

    /** Another {@code ticket serve} holds the data directory; the message says which process. */
    public static final class DataDirInUse extends IOException {
        DataDirInUse(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
