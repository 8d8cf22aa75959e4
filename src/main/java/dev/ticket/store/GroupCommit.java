package dev.ticket.store;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Function;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * SQLite's one writer, with group commit: concurrent write transactions queue up and a single
 * thread runs a batch of them in one database transaction, each in its own savepoint (so one
 * refused write rolls back alone), then commits once. Every caller is answered only after that
 * commit (and its fsync), so an acknowledged write is durable, while the fsync cost is shared
 * by the whole batch.
 */
final class GroupCommit implements AutoCloseable {
    private static final int MAX_BATCH = 256;

    private final Jdbi jdbi;
    private final Runnable afterEvents;
    private final BlockingQueue<Task<?>> queue = new LinkedBlockingQueue<>();
    private final Thread writer;
    private volatile boolean closed;
    private volatile java.util.function.IntConsumer batchSizes = size -> { };
    /** The writer's own connection, kept between batches with its prepared statements; dropped after a failure. */
    private Handle handle;

    GroupCommit(Jdbi jdbi, Runnable afterEvents) {
        this.jdbi = jdbi;
        this.afterEvents = afterEvents;
        this.writer = new Thread(this::run, "sqlite-writer");
        this.writer.setDaemon(true);
        this.writer.start();
    }

    /** Hears the size of each batch committed (the metrics' group-commit batch sizes). */
    void measure(java.util.function.IntConsumer sizes) {
        batchSizes = sizes;
    }

    /** Runs {@code work} in the next batch and returns its result once the batch is committed. */
    <T> T submit(Function<StoreTx, T> work) {
        if (closed) {
            throw new StoreException("the store is closed", null);
        }
        Task<T> task = new Task<>(work);
        queue.add(task);
        try {
            return task.result.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException("interrupted while waiting for the database", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new StoreException(cause.getMessage(), cause);
        }
    }

    private void run() {
        List<Task<?>> batch = new ArrayList<>();
        while (!closed || !queue.isEmpty()) {
            try {
                batch.add(queue.take());
            } catch (InterruptedException e) {
                break;
            }
            queue.drainTo(batch, MAX_BATCH - 1);
            commit(batch);
            batch.clear();
        }
        dropHandle();
    }

    private void commit(List<Task<?>> batch) {
        boolean events = false;
        try {
            Handle h = handle();
            h.begin();
            List<Object[]> titleRows = new ArrayList<>();
            for (Task<?> task : batch) {
                events |= task.runIn(h, titleRows);
            }
            JdbcStoreTx.insertTitleRows(h, titleRows);
            h.commit();
        } catch (RuntimeException e) {
            dropHandle();
            for (Task<?> task : batch) {
                task.result.completeExceptionally(new StoreException("the database refused the write: "
                        + e.getMessage(), e));
            }
            return;
        }
        batchSizes.accept(batch.size());
        if (events) {
            afterEvents.run();
        }
        for (Task<?> task : batch) {
            task.complete();
        }
    }

    private Handle handle() {
        if (handle == null) {
            handle = jdbi.open();
            handle.setStatementBuilder(new CachedStatements());
            // A savepoint copies each page it changes first into the statement journal, a temporary file past
            // 64 KiB (a new ticket's rows and indexes reach that); kept in memory it is not written to disk.
            new PlainJdbc(handle).update("PRAGMA temp_store = MEMORY");
        }
        return handle;
    }

    private void dropHandle() {
        Handle h = handle;
        handle = null;
        if (h != null) {
            try {
                if (h.isInTransaction()) {
                    h.rollback();
                }
                // back in the pool, a read's large sort may spill to a temporary file again
                new PlainJdbc(h).update("PRAGMA temp_store = DEFAULT");
            } catch (RuntimeException ignored) {
                // the connection is given back to the pool either way
            }
            try {
                h.close();
            } catch (RuntimeException ignored) {
                // as above
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        writer.interrupt();
        try {
            writer.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (Task<?> task; (task = queue.poll()) != null; ) {
            task.result.completeExceptionally(new StoreException("the store is closed", null));
        }
    }

    /** One caller's transaction within a batch. */
    private static final class Task<T> {
        final Function<StoreTx, T> work;
        final CompletableFuture<T> result = new CompletableFuture<>();
        private T value;
        private Throwable failure;

        Task(Function<StoreTx, T> work) {
            this.work = work;
        }

        /**
         * Runs in a savepoint; returns whether it appended events that stayed. The title index rows of the
         * tickets it inserted are added to {@code titleRows} when it stays (written after the savepoints).
         */
        boolean runIn(Handle h, List<Object[]> titleRows) {
            PlainJdbc jdbc = new PlainJdbc(h);
            jdbc.update("SAVEPOINT task");
            List<Object[]> titles = new ArrayList<>(1);
            JdbcStoreTx tx = new JdbcStoreTx(h, false, titles);
            try {
                value = work.apply(tx);
                jdbc.update("RELEASE task");
                titleRows.addAll(titles);
                return tx.appendedEvents();
            } catch (RuntimeException | Error e) {
                jdbc.update("ROLLBACK TO task");
                jdbc.update("RELEASE task");
                failure = e;
                return false;
            }
        }

        void complete() {
            if (failure != null) {
                result.completeExceptionally(failure);
            } else {
                result.complete(value);
            }
        }
    }
}
