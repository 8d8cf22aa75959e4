package dev.ticket.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.transaction.TransactionIsolationLevel;

/**
 * The store on a JDBC database: SQLite (one process, one writer at a time) or PostgreSQL
 * (many nodes). Migrations are versioned (Flyway) and run when the store opens.
 */
public final class JdbcTicketStore implements TicketStore {
    private final HikariDataSource dataSource;
    private final Jdbi jdbi;
    private final boolean sqlite;
    /** SQLite allows one writer: one thread writes, committing concurrent writes together. */
    private final GroupCommit groupCommit;
    private final BlobStore blobs;
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();

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
        } catch (java.io.IOException e) {
            throw new StoreException("cannot create the data directory " + dataDir + ": " + e.getMessage(), e);
        }
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl("jdbc:sqlite:" + dataDir.resolve("ticket.db"));
        config.setPoolName("sqlite");
        config.setMaximumPoolSize(poolSize);
        config.addDataSourceProperty("journal_mode", "WAL");
        config.addDataSourceProperty("synchronous", "FULL");
        config.addDataSourceProperty("foreign_keys", "true");
        config.addDataSourceProperty("busy_timeout", "10000");
        config.setConnectionInitSql("PRAGMA journal_mode=WAL");
        return open(config, "classpath:db/sqlite", true, new FileBlobStore(dataDir.resolve("blobs")));
    }

    /** Opens (migrating as needed) a PostgreSQL store; attachment bytes live in {@code blobDir}. */
    public static JdbcTicketStore openPostgres(String jdbcUrl, int poolSize, BlobStore blobs) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(jdbcUrl);
        config.setPoolName("postgresql");
        config.setMaximumPoolSize(poolSize);
        config.setConnectionTimeout(3000);
        config.setInitializationFailTimeout(-1);
        return open(config, "classpath:db/postgresql", false, blobs);
    }

    private static JdbcTicketStore open(HikariConfig config, String migrations, boolean sqlite, BlobStore blobs) {
        HikariDataSource ds = new HikariDataSource(config);
        try {
            Flyway.configure().dataSource(ds).locations(migrations).load().migrate();
        } catch (RuntimeException e) {
            ds.close();
            throw new StoreException("cannot prepare the database: " + e.getMessage(), e);
        }
        return new JdbcTicketStore(ds, sqlite, blobs);
    }

    @Override
    public <T> T write(Function<StoreTx, T> work) {
        JdbcStoreTx[] tx = new JdbcStoreTx[1];
        T result;
        if (sqlite) {
            return groupCommit.submit(work);
        } else {
            result = jdbi.inTransaction(TransactionIsolationLevel.READ_COMMITTED,
                    h -> work.apply(tx[0] = new JdbcStoreTx(h)));
        }
        if (tx[0] != null && tx[0].appendedEvents()) {
            eventsAppended();
        }
        return result;
    }

    @Override
    public <T> T read(Function<StoreTx, T> work) {
        return jdbi.withHandle(h -> work.apply(new JdbcStoreTx(h)));
    }

    @Override
    public boolean ready() {
        try {
            return jdbi.withHandle(h -> h.createQuery("SELECT 1").mapTo(Integer.class).one()) == 1;
        } catch (RuntimeException e) {
            return false;
        }
    }

    @Override
    public BlobStore blobs() {
        return blobs;
    }

    @Override
    public void onEvents(Runnable listener) {
        listeners.add(listener);
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
        dataSource.close();
    }
}
