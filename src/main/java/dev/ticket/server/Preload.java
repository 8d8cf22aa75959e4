package dev.ticket.server;

import dev.ticket.model.Json;
import java.sql.SQLException;
import java.time.ZoneId;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteJDBCLoader;

/**
 * One-time initialisation {@code ticket serve} needs before it can answer, run on the second core while the main
 * thread parses the command line and opens the store. Each step is a library's class initialisation (idempotent
 * and thread-safe: the main thread waits for one still running, or finds it done), measured on the critical path
 * of a start:
 * <ul>
 * <li>SLF4J's simple logger (~50 ms, most of it a date format);</li>
 * <li>SQLite's native library, copied out of the jar and loaded (SQLite stores only);</li>
 * <li>Jdbi's configuration registry (~80 ms of class initialisation for the first {@code Jdbi});</li>
 * <li>the time-zone database, for the default business hours;</li>
 * <li>Jdbi registers a Java Flight Recorder event on its first statement, which starts JFR (~90 ms);</li>
 * <li>the JSON mapper;</li>
 * <li>Micrometer's Prometheus registry and a latency histogram (a throwaway {@link ServiceMetrics});</li>
 * <li>Jetty's MIME tables, read from the jar (~50 ms), and its queue's memory probe, which starts JMX's platform
 * MBean server (~40 ms).</li>
 * </ul>
 * A step that fails is left for the main thread to meet and report.
 */
public final class Preload implements Runnable {
    private static final String[] CLASSES = {
        "org.jdbi.v3.core.statement.internal.JfrSupport",
        "org.eclipse.jetty.http.MimeTypes",
        "org.eclipse.jetty.util.BlockingArrayQueue",
    };

    private final boolean sqlite;

    private Preload(boolean sqlite) {
        this.sqlite = sqlite;
    }

    /** Starts the preload on a daemon thread; {@code sqlite} when the store is SQLite (no {@code --db}). */
    public static void start(boolean sqlite) {
        Thread thread = new Thread(new Preload(sqlite), "ticket-preload");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void run() {
        try {
            LoggerFactory.getLogger(Preload.class);
            if (sqlite) {
                SQLiteJDBCLoader.initialize();
            }
            Jdbi.create(() -> {
                throw new SQLException("a preload, never connected");
            });
            ZoneId.of("Europe/Moscow");
            ClassLoader loader = Preload.class.getClassLoader();
            Class.forName(CLASSES[0], true, loader);
            Json.mapper();
            new ServiceMetrics().request("GET", "/", 200, 1);
            for (int i = 1; i < CLASSES.length; i++) {
                Class.forName(CLASSES[i], true, loader);
            }
        } catch (Exception | LinkageError e) {
            // the main thread meets the same problem where it matters, and reports it
        }
    }
}
