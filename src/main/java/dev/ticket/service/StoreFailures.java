package dev.ticket.service;

import dev.ticket.store.DiskFull;
import dev.ticket.store.StoreException;

/**
 * What the server may know of a failure that came up through the rules from the store, without knowing the
 * store: whether the disk is full (answered 507) or the database is not answering (503).
 */
public final class StoreFailures {
    private StoreFailures() {
    }

    /** True when {@code failure} or one of its causes says the disk is full (a file, SQLite or PostgreSQL). */
    public static boolean diskFull(Throwable failure) {
        return DiskFull.is(failure);
    }

    /** True when {@code failure} is the store's own report that the database failed. */
    public static boolean unavailable(Throwable failure) {
        return failure instanceof StoreException;
    }
}
