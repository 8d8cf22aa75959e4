package dev.ticket.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.migration.JavaMigration;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The store on a JDBC database: SQLite (one process, one writer at a time) or PostgreSQL
 * (many nodes). Migrations are versioned (Flyway) and run when the store opens.
 */
public final class JdbcTicketStore implements TicketStore {
    /**
     * The newest migration under db/sqlite and db/postgresql or in {@link #SQLITE_JAVA_MIGRATIONS} and
     * {@link #POSTGRES_JAVA_MIGRATIONS} (SchemaMigrationTest keeps them in step).
     */
    static final int SQLITE_SCHEMA = 10;
    static final int POSTGRES_SCHEMA = 10;

    /** Migrations written in Java (they log their progress over many rows), beside the SQL ones. */
    static final List<JavaMigration> SQLITE_JAVA_MIGRATIONS = List.of(new SqliteTitleIndex(), new UnreadIndex(false),
            new UserNames());
    static final List<JavaMigration> POSTGRES_JAVA_MIGRATIONS = List.of(new UnreadIndex(true), new UserNames());
    private static final Logger LOG = LoggerFactory.getLogger("ticket.store");
    private final HikariDataSource dataSource;
    private final Jdbi jdbi;
    private final boolean sqlite;
    /** SQLite allows one writer: one thread writes, committing concurrent writes together. */
    private final GroupCommit groupCommit;
    private final BlobStore blobs;
    /** The SQLite store's directory; null on PostgreSQL. */
    private Path dataDir;
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
    private final List<java.util.function.LongConsumer> revocationListeners = new CopyOnWriteArrayList<>();
    private final List<AutoCloseable> resources = new CopyOnWriteArrayList<>();
    private volatile PgEventListener otherNodes;
    /** The version read for the request this thread runs ({@link #oneVersion}); null outside one. */
    private final ThreadLocal<String[]> requestVersion = new ThreadLocal<>();

    private JdbcTicketStore(HikariDataSource dataSource, boolean sqlite, BlobStore blobs) {
        this.dataSource = dataSource;
        this.jdbi = Jdbi.create(dataSource);
        this.sqlite = sqlite;
        this.blobs = blobs;
        this.groupCommit = sqlite ? new GroupCommit(jdbi, this::eventsAppended) : null;
    }

    /** Opens (creating and migrating as needed) the SQLite store in {@code dataDir}. */
    public static JdbcTicketStore openSqlite(Path dataDir, int poolSize) {
        try {
            Files.createDirectories(dataDir);
        } catch (IOException e) {
            throw new StoreException("cannot create the data directory " + dataDir + ": " + e.getMessage(), e);
        }
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl("jdbc:sqlite:" + dataDir.resolve(dev.ticket.files.BackupArchive.DATABASE));
        config.setPoolName("sqlite");
        // one more than asked: the group-commit writer holds a connection of its own for good (GroupCommit)
        config.setMaximumPoolSize(poolSize + 1);
        config.addDataSourceProperty("journal_mode", "WAL");
        config.addDataSourceProperty("synchronous", "FULL");
        config.addDataSourceProperty("foreign_keys", "true");
        config.addDataSourceProperty("busy_timeout", "10000");
        // Reads through a memory map of the file (shared by the pool's connections, pages of the OS cache)
        // rather than each connection's 2 MB page cache: at a million tickets a search page that fetches a
        // few hundred rows by id went from ~5 ms to ~0.5 ms.
        config.addDataSourceProperty("mmap_size", String.valueOf(1L << 30));
        // Deleted and overwritten content is zeroed in the file, not left in free space: a redacted secret
        // must be gone from the disk, not only from the answers (after a checkpoint empties the WAL).
        config.addDataSourceProperty("secure_delete", "true");
        config.setConnectionInitSql("PRAGMA journal_mode=WAL");
        HikariDataSource ds = migrated(config, "classpath:db/sqlite", SQLITE_SCHEMA,
                SQLITE_JAVA_MIGRATIONS);
        SqliteSnapshot.sweepStale(dataDir);
        JdbcTicketStore store = new JdbcTicketStore(ds, true, new FileBlobStore(dataDir.resolve("blobs")));
        store.dataDir = dataDir;
        return store;
    }

    /**
     * Opens (migrating as needed) a PostgreSQL store shared with any number of nodes: {@code poolSize}
     * connections for requests, half as many (at least 2) for attachment bytes, and one that listens
     * for other nodes' events. Uploads are spooled in {@code spoolDir} before they go to the database.
     */
    public static JdbcTicketStore openPostgres(String jdbcUrl, int poolSize, Path spoolDir) {
        HikariDataSource ds = migrated(PgPools.requests(jdbcUrl, poolSize), "classpath:db/postgresql",
                POSTGRES_SCHEMA, POSTGRES_JAVA_MIGRATIONS);
        HikariDataSource blobPool = null;
        try {
            blobPool = new HikariDataSource(PgPools.blobs(jdbcUrl, poolSize));
            JdbcTicketStore store = new JdbcTicketStore(ds, false,
                    new PgBlobStore(Jdbi.create(blobPool), spoolDir, Clock.systemUTC()));
            store.resources.add(blobPool);
            store.otherNodes = new PgEventListener(jdbcUrl, store::eventsAppended,
                    user -> store.revocationListeners.forEach(listener -> listener.accept(user)));
            store.resources.add(store.otherNodes);
            store.sweepHourly();
            return store;
        } catch (RuntimeException e) {
            ds.close();
            if (blobPool != null) {
                blobPool.close();
            }
            throw e;
        }
    }

    /** The pools' use (HikariCP's own Micrometer meters, by pool name) and the group commit's batch sizes. */
    @Override
    public void bindMetrics(io.micrometer.core.instrument.MeterRegistry registry) {
        var pools = new com.zaxxer.hikari.metrics.micrometer.MicrometerMetricsTrackerFactory(registry);
        dataSource.setMetricsTrackerFactory(pools);
        for (AutoCloseable resource : resources) {
            if (resource instanceof HikariDataSource pool) {
                pool.setMetricsTrackerFactory(pools);
            }
        }
        if (groupCommit != null) {
            groupCommit.measure(io.micrometer.core.instrument.DistributionSummary
                    .builder("ticket.store.group.commit.batch")
                    .description("Writes committed together in one SQLite transaction").baseUnit("writes")
                    .register(registry)::record);
        }
    }

    /** Nodes may run for months: sweep unreferenced blobs as they go, not only when they start. */
    private void sweepHourly() {
        ScheduledExecutorService sweeper = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "ticket-blob-sweep");
            thread.setDaemon(true);
            return thread;
        });
        sweeper.scheduleWithFixedDelay(() -> {
            try {
                sweepOrphanBlobs();
            } catch (IOException | RuntimeException e) {
                LOG.warn("sweeping unused attachment files failed: {}", e.getMessage());
            }
        }, 1, 1, TimeUnit.HOURS);
        resources.add(sweeper::shutdownNow);
    }

    /**
     * Runs Flyway unless its history already records every migration this build has ({@code newest}), all
     * successful: then there is nothing to do, and starting Flyway (its plugins, a scan of the jar, checksums
     * of the applied scripts) was the largest part of a restart's time (~0.3 s of 2.3 s). Migrations only add,
     * so an applied script is never edited; any other state (a new database, a newer build, a failed
     * migration, a database ahead of this build) goes to Flyway, which migrates or refuses as before.
     */
    private static HikariDataSource migrated(HikariConfig config, String migrations, int newest,
                                             List<JavaMigration> javaMigrations) {
        HikariDataSource ds = new HikariDataSource(config);
        try {
            if (appliedSchema(ds) != newest) {
                Flyway.configure().dataSource(ds).locations(migrations)
                        .javaMigrations(javaMigrations.toArray(JavaMigration[]::new)).load().migrate();
            }
        } catch (RuntimeException e) {
            ds.close();
            throw new StoreException("cannot prepare the database: " + e.getMessage(), e);
        }
        return ds;
    }

    /** The newest version in Flyway's history when every entry succeeded, else -1 (none, or no history). */
    static int appliedSchema(DataSource ds) {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT version, success FROM flyway_schema_history")) {
            int newest = -1;
            while (rs.next()) {
                if (!rs.getBoolean("success")) {
                    return -1;
                }
                newest = Math.max(newest, Integer.parseInt(rs.getString("version")));
            }
            return newest;
        } catch (SQLException | NumberFormatException e) {
            return -1;
        }
    }

    @Override
    public <T> T write(Function<StoreTx, T> work) {
        if (sqlite) {
            return groupCommit.submit(work);
        }
        for (int attempt = 1; ; attempt++) {
            try {
                return writeOnce(work);
            } catch (RuntimeException e) {
                if (attempt >= TransientConflicts.MAX_ATTEMPTS || !TransientConflicts.retryable(e)) {
                    throw e;
                }
                TransientConflicts.pause(attempt);
            }
        }
    }

    /**
     * One attempt, READ COMMITTED: the pool sets that level on each connection when it opens it
     * ({@link PgPools#requests}). Not Jdbi's {@code inTransaction(level, ...)}: it asks the connection
     * for its level before and after, and pgjdbc answers each ask with a round trip to the database
     * ({@code SHOW TRANSACTION ISOLATION LEVEL}): six per write, measured in the server's log.
     */
    private <T> T writeOnce(Function<StoreTx, T> work) {
        String[] shared = requestVersion.get();
        if (shared != null) {
            shared[0] = null; // the request's reads after this write read the version anew
        }
        JdbcStoreTx[] tx = new JdbcStoreTx[1];
        T result = jdbi.inTransaction(h -> work.apply(tx[0] = new JdbcStoreTx(h, !sqlite)));
        if (tx[0] != null && tx[0].appendedEvents()) {
            eventsAppended();
        }
        return result;
    }

    @Override
    public <T> T alone(Supplier<T> work) {
        if (sqlite) {
            return work.get();
        }
        // A session-level lock on a connection of its own: the work runs its own transactions.
        return jdbi.withHandle(h -> {
            h.createQuery("SELECT 1 FROM pg_advisory_lock(:space, :key)").bind("space", LedgerQueries.LOCK_SPACE)
                    .bind("key", LedgerQueries.SETUP_LOCK).mapTo(Integer.class).one();
            try {
                return work.get();
            } finally {
                h.createQuery("SELECT 1 FROM pg_advisory_unlock(:space, :key)")
                        .bind("space", LedgerQueries.LOCK_SPACE).bind("key", LedgerQueries.SETUP_LOCK)
                        .mapTo(Integer.class).list();
            }
        });
    }

    @Override
    public <T> T read(Function<StoreTx, T> work) {
        return jdbi.withHandle(h -> work.apply(new JdbcStoreTx(h, !sqlite)));
    }

    /**
     * PostgreSQL: the snapshot a statement starts with (every transaction still in progress, and the first
     * transaction id not yet given out: equal snapshots see exactly the same commits), and when the server
     * started (a snapshot of another server, or of this one restored from a dump, could read the same).
     * It counts every commit of the server, other databases' too: those only make a cached entry read again.
     */
    @Override
    public String dataVersion() {
        if (sqlite) {
            return null;
        }
        String[] shared = requestVersion.get();
        if (shared == null) {
            return readVersion();
        }
        if (shared[0] == null) {
            shared[0] = readVersion();
        }
        return shared[0];
    }

    /** One statement, without Jdbi's handle and mappers: a hit of the read cache costs this and nothing else. */
    private String readVersion() {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(DATA_VERSION);
             ResultSet rs = s.executeQuery()) {
            rs.next();
            return rs.getString(1);
        } catch (SQLException e) {
            throw new StoreException("cannot read the database's version: " + e.getMessage(), e);
        }
    }

    @Override
    public void oneVersion(Work work) throws Exception {
        if (sqlite || requestVersion.get() != null) {
            work.run();
            return;
        }
        requestVersion.set(new String[1]);
        try {
            work.run();
        } finally {
            requestVersion.remove();
        }
    }

    private static final String DATA_VERSION =
            "SELECT CAST(pg_current_snapshot() AS text) || '@' || CAST(pg_postmaster_start_time() AS text)";

    /** The database answers, and on PostgreSQL this node also hears other nodes' events. */
    @Override
    public boolean ready() {
        try {
            boolean answers = jdbi.withHandle(h -> h.createQuery("SELECT 1").mapTo(Integer.class).one()) == 1;
            return answers && (otherNodes == null || otherNodes.connected());
        } catch (RuntimeException e) {
            return false;
        }
    }

    @Override
    public boolean singleNode() {
        return sqlite;
    }

    @Override
    public BlobStore blobs() {
        return blobs;
    }

    @Override
    public int sweepOrphanBlobs() throws IOException {
        Set<String> referenced = sqlite ? write(StoreTx::attachmentBlobNames) : Set.of();
        return blobs.sweepOrphans(referenced);
    }

    @Override
    public dev.ticket.files.BackupArchive.Snapshot snapshot() throws IOException {
        if (!sqlite) {
            throw new UnsupportedOperationException("a PostgreSQL store is backed up with pg_dump");
        }
        return SqliteSnapshot.take(jdbi, dataDir, SQLITE_SCHEMA);
    }

    @Override
    public void onEvents(Runnable listener) {
        listeners.add(listener);
    }

    @Override
    public void onTokensRevokedElsewhere(java.util.function.LongConsumer listener) {
        revocationListeners.add(listener);
    }

    /** Tells this node's listeners that events were appended (called after the commit). */
    public void eventsAppended() {
        listeners.forEach(Runnable::run);
    }

    public boolean isSqlite() {
        return sqlite;
    }

    @Override
    public void close() {
        if (groupCommit != null) {
            groupCommit.close();
        }
        for (AutoCloseable resource : resources) {
            try {
                resource.close();
            } catch (Exception e) {
                // closing the rest anyway
            }
        }
        dataSource.close();
    }
}
