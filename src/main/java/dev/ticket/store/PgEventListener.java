package dev.ticket.store;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.function.LongConsumer;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hears other nodes' events: one thread per node on a connection of its own (outside the pool), doing
 * {@code LISTEN} on the channel that event-appending transactions {@code NOTIFY} at commit. When the
 * connection drops it reconnects with backoff, and tells the listeners once on reconnecting, since
 * notifications sent while it was away are lost (readers re-query from their last event id).
 */
final class PgEventListener implements AutoCloseable {
    static final String CHANNEL = "ticket_events";
    /** A notification's payload when a user's tokens were revoked: this prefix and the user's id. */
    static final String REVOKED = "revoked:";
    private static final Logger LOG = LoggerFactory.getLogger("ticket.store");
    private static final int POLL_MS = 500;
    /** How often the event connection is checked (isValid) while listening. */
    private static final Duration CHECK_EVERY = Duration.ofSeconds(5);
    private static final long MAX_BACKOFF_MS = 2_000;

    private final String jdbcUrl;
    private final Runnable onEvents;
    private final LongConsumer onRevoked;
    private final Thread thread;
    private volatile boolean running = true;
    private volatile boolean connected;
    private volatile Connection current;

    PgEventListener(String jdbcUrl, Runnable onEvents, LongConsumer onRevoked) {
        this.jdbcUrl = jdbcUrl;
        this.onEvents = onEvents;
        this.onRevoked = onRevoked;
        this.thread = new Thread(this::run, "ticket-pg-listen");
        this.thread.setDaemon(true);
        this.thread.start();
    }

    /** True while this node is listening, so events written through other nodes reach it. */
    boolean connected() {
        return connected;
    }

    private void run() {
        long backoff = 100;
        boolean warned = false;
        while (running) {
            try (Connection c = DriverManager.getConnection(jdbcUrl)) {
                current = c;
                try (Statement s = c.createStatement()) {
                    s.execute("LISTEN " + CHANNEL);
                }
                connected = true;
                if (warned) {
                    LOG.info("listening for events from other nodes again");
                }
                backoff = 100;
                warned = false;
                notifyListeners();
                listen(c);
            } catch (SQLException | RuntimeException e) {
                if (running && !warned) {
                    LOG.warn("lost the event connection to the database ({}); retrying", e.getMessage());
                    warned = true;
                }
            } finally {
                connected = false;
                current = null;
            }
            sleep(backoff);
            backoff = Math.min(MAX_BACKOFF_MS, backoff * 2);
        }
    }

    private void listen(Connection c) throws SQLException {
        PGConnection pg = c.unwrap(PGConnection.class);
        long lastCheck = System.nanoTime();
        while (running) {
            PGNotification[] notes = pg.getNotifications(POLL_MS);
            if (notes != null && notes.length > 0) {
                // in commit order: a revocation ends the user's streams before later events are fanned out
                boolean events = false;
                for (PGNotification note : notes) {
                    String payload = note.getParameter();
                    if (payload != null && payload.startsWith(REVOKED)) {
                        revoked(payload.substring(REVOKED.length()));
                    } else {
                        events = true;
                    }
                }
                if (events) {
                    notifyListeners();
                }
            }
            if (System.nanoTime() - lastCheck > CHECK_EVERY.toNanos()) {
                // A silently dead peer (no RST) would otherwise leave this node deaf for good.
                if (!c.isValid(2)) {
                    throw new SQLException("the event connection stopped answering");
                }
                lastCheck = System.nanoTime();
            }
        }
    }

    private void revoked(String userId) {
        try {
            onRevoked.accept(Long.parseLong(userId));
        } catch (RuntimeException e) {
            LOG.warn("a revocation listener failed: {}", e.getMessage());
        }
    }

    private void notifyListeners() {
        try {
            onEvents.run();
        } catch (RuntimeException e) {
            LOG.warn("an event listener failed: {}", e.getMessage());
        }
    }

    private void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
        Connection c = current;
        if (c != null) {
            try {
                c.close();
            } catch (SQLException e) {
                // closing anyway
            }
        }
        try {
            thread.join(2_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
