package dev.ticket.store;

import java.util.function.Function;

/**
 * Storage behind one interface: SQLite for one machine, PostgreSQL for several nodes.
 * All access goes through a transaction; writes are atomic and durable once they return.
 */
public interface TicketStore extends AutoCloseable {

    /** Runs {@code work} in a read-write transaction and commits it. */
    <T> T write(Function<StoreTx, T> work);

    /** Runs {@code work} in a read-only view of the data. */
    <T> T read(Function<StoreTx, T> work);

    /** True when this process is the only writer (SQLite), so in-process caches cannot go stale. */
    default boolean singleNode() {
        return false;
    }

    /**
     * The store's version: a text that changes whenever a write commits, through any node, so two equal
     * versions read at two times mean that nothing was committed between them and every read in between
     * answered the same. Null when this process is the only writer ({@link #singleNode}): its caches hear of
     * every write from itself. One query on PostgreSQL, cheaper than most reads it can stand in for.
     */
    default String dataVersion() {
        return null;
    }

    /**
     * Runs {@code work}, one client request that began just now, so that {@link #dataVersion} is read from the
     * database once for it: the first read is already later than the request's start, so every read the request
     * makes may use it. A write by the request ends the sharing: what it reads after its own write must see it.
     * On the same thread only; another thread's reads, or a request nested in this one, read as usual.
     */
    default void oneVersion(Work work) throws Exception {
        work.run();
    }

    /** A request's work, for {@link #oneVersion}. */
    @FunctionalInterface
    interface Work {
        void run() throws Exception;
    }

    /**
     * Runs {@code work} while no other node sharing the database runs its own {@code alone} section:
     * first-start setup (is the store empty? then create the admin) must happen once, not once per node.
     */
    <T> T alone(java.util.function.Supplier<T> work);

    /** True when the database answers now (for {@code /readyz}). */
    boolean ready();

    /** Where the store keeps attachment bytes. */
    BlobStore blobs();

    /**
     * Removes stored attachment bytes that no attachment names (left by a crash mid-upload), sparing
     * what may still be an upload in flight on another node. Returns how many went.
     */
    int sweepOrphanBlobs() throws java.io.IOException;

    /**
     * A consistent copy of the whole store (database and attachment files) to stream as a backup, taken while
     * writes go on; the caller closes it, which deletes the copy. Only a SQLite store can: PostgreSQL's is
     * {@code pg_dump}'s job ({@link UnsupportedOperationException}).
     */
    default dev.ticket.files.BackupArchive.Snapshot snapshot() throws java.io.IOException {
        throw new UnsupportedOperationException("this store is backed up with its database's own tools");
    }

    /** Registers a listener called (on some thread) when events may have been appended, by any node. */
    void onEvents(Runnable listener);

    /**
     * Registers a listener told a user's id when that user's tokens were revoked through another node sharing
     * the database (possibly this one too); a single-node store has no other nodes and never calls it.
     */
    default void onTokensRevokedElsewhere(java.util.function.LongConsumer listener) {
    }

    @Override
    void close();

    /** Binds the store's meters (connection pools, group-commit batch sizes) to the service's metrics. */
    default void bindMetrics(io.micrometer.core.instrument.MeterRegistry registry) {
    }
}
