package dev.ticket.server;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Starts the writes of a fan-out (see {@link StreamHub}): the dispatcher queues a frame on each stream and adds
 * the stream here; {@link #flushAll} then starts the writes on as many writer threads as cores, in slices. The
 * frames are already queued in order on each stream, so which thread writes a stream does not change what it
 * gets. Streams that share an HTTP/2 connection go together, so that their frames leave in one system call.
 */
final class FanOutWriter implements AutoCloseable {
    /** Threads that start the writes: a write costs a system call, and one thread is one core. */
    private static final int WRITERS = Math.max(2, Runtime.getRuntime().availableProcessors());
    private static final int MIN_SLICE = 256;
    /**
     * Streams of one HTTP/2 connection whose frames go out in one write. Jetty's frame accumulator costs time
     * quadratic in the frames it gathers, so a batch is kept small: 16 streams a system call instead of one.
     */
    private static final int SHARED_BATCH = 16;

    private final ExecutorService writers = Executors.newFixedThreadPool(WRITERS, r -> {
        Thread t = new Thread(r, "ticket-events-write");
        t.setDaemon(true);
        return t;
    });
    // the dispatcher thread only
    private final List<SseConnection> toFlush = new ArrayList<>();

    /** A stream with a frame queued in this fan-out (once, however many frames it got). */
    void add(SseConnection connection) {
        if (!connection.flushPending) {
            connection.flushPending = true;
            toFlush.add(connection);
        }
    }

    /** Starts the writes of every stream added since the last call. */
    void flushAll() {
        if (toFlush.isEmpty()) {
            return;
        }
        List<Runnable> units = new ArrayList<>();
        Map<Object, List<SseConnection>> shared = new HashMap<>();
        for (SseConnection connection : toFlush) {
            connection.flushPending = false;
            if (connection.sharedConnection == null) {
                units.add(connection::flush);
            } else {
                shared.computeIfAbsent(connection.sharedConnection, c -> new ArrayList<>()).add(connection);
            }
        }
        toFlush.clear();
        for (List<SseConnection> streams : shared.values()) {
            for (int from = 0; from < streams.size(); from += SHARED_BATCH) {
                List<SseConnection> batch = streams.subList(from, Math.min(streams.size(), from + SHARED_BATCH));
                units.add(() -> flushShared(batch));
            }
        }
        int n = units.size();
        int slices = Math.min(WRITERS, (n + MIN_SLICE - 1) / MIN_SLICE);
        int size = (n + slices - 1) / slices;
        for (int from = 0; from < n; from += size) {
            List<Runnable> slice = units.subList(from, Math.min(n, from + size));
            writers.execute(() -> slice.forEach(Runnable::run));
        }
    }

    /**
     * Streams of one HTTP/2 connection: the first one's write goes out at once, and the others are started when
     * it completes, inside Jetty's frame flusher for the connection, which then sends all their frames in one
     * write instead of a system call (and a wake-up of the client) per stream.
     */
    private static void flushShared(List<SseConnection> streams) {
        if (streams.size() == 1) {
            streams.get(0).flush();
            return;
        }
        AtomicBoolean started = new AtomicBoolean();
        Runnable rest = () -> {
            if (started.compareAndSet(false, true)) {
                for (int i = 1; i < streams.size(); i++) {
                    streams.get(i).flush();
                }
            }
        };
        streams.get(0).flushThen(rest);
        rest.run(); // the first write is still under way (or had nothing to send): start the others now
    }

    @Override
    public void close() {
        writers.shutdown();
    }
}
