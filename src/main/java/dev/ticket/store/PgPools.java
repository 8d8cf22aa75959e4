package dev.ticket.store;

import com.zaxxer.hikari.HikariConfig;

/** Connection pool settings for PostgreSQL: fail fast while the database is away, recover by themselves. */
final class PgPools {
    private PgPools() {
    }

    /**
     * The request pool. A request waits at most 3 s for a connection, then gets a 503; Hikari replaces
     * broken connections as they are returned, so the node recovers when the database does. At least
     * two: first-start setup holds one for its lock while it writes through another.
     */
    static HikariConfig requests(String jdbcUrl, int size) {
        HikariConfig config = common(jdbcUrl, "postgresql", Math.max(2, size));
        config.setConnectionTimeout(3_000);
        // Every write is READ COMMITTED: set once per connection here, never asked for per transaction
        config.setTransactionIsolation("TRANSACTION_READ_COMMITTED");
        // The list query's best plan depends on how common the searched text is (walk the activity
        // index for common words, the trigram index for rare ones); a cached generic plan cannot know.
        // Requests are short: starting parallel workers costs more than it saves (measured: a 1 ms
        // search took 100 ms with two workers), and many nodes' workers would crowd the database.
        config.setConnectionInitSql("SET plan_cache_mode = force_custom_plan; SET max_parallel_workers_per_gather = 0");
        return config;
    }

    /** Attachment bytes: fewer connections, and an upload may wait longer for one than a request. */
    static HikariConfig blobs(String jdbcUrl, int requestPoolSize) {
        HikariConfig config = common(jdbcUrl, "postgresql-blobs", Math.max(2, requestPoolSize / 2));
        config.setMinimumIdle(1);
        config.setConnectionTimeout(30_000);
        return config;
    }

    private static HikariConfig common(String jdbcUrl, String name, int size) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(jdbcUrl);
        config.setPoolName(name);
        config.setMaximumPoolSize(size);
        config.setValidationTimeout(2_000);
        config.setKeepaliveTime(30_000);
        // Start even while the database is away (the migration then reports it plainly).
        config.setInitializationFailTimeout(-1);
        return config;
    }
}
