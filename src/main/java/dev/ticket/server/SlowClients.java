package dev.ticket.server;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpHeaderValue;
import org.eclipse.jetty.http.HttpParser;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.internal.HttpConnection;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.Invocable;
import org.eclipse.jetty.util.thread.ThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps slow clients from holding what others need (rules.md, load). Jetty reads headers without a thread, but never
 * gives up on headers that trickle in, and a servlet reading a body blocks a thread for as long as the body
 * takes. So:
 * <ul>
 * <li>A body of up to {@link #PRELOAD_LIMIT} (every JSON body) is read without a thread, through Jetty's demand
 * callbacks, and the request is handed to the routes only once it is all in: a trickling body holds memory, not
 * a thread. Larger bodies and bodies sent after {@code Expect: 100-continue} (the routes may refuse those before
 * they are sent) go to the routes at once; at most a quarter of the thread pool reads such bodies at a time, and
 * past that the request is refused 503 with {@code Retry-After}.</li>
 * <li>A sweep every fraction of a second cuts, with 408, a connection whose request headers took longer than the
 * header timeout (and a new connection silent for as long), and a body that delivered less than the minimum rate
 * over a window of that length.</li>
 * </ul>
 */
final class SlowClients extends Handler.Wrapper {
    private static final Logger LOG = LoggerFactory.getLogger("ticket.http");
    /** Bodies up to this size are read in full before a thread handles them. */
    static final int PRELOAD_LIMIT = Requests.MAX_JSON_BYTES + 64 * 1024;

    private final long windowNanos;
    private final long minBodyRate;
    private final Set<Watch> watches = ConcurrentHashMap.newKeySet();
    private final Map<EndPoint, Seen> headers = new ConcurrentHashMap<>();
    private final AtomicInteger streaming = new AtomicInteger();
    private volatile int maxStreaming = 64;
    private ScheduledExecutorService sweeper;

    private record Seen(long messages, long since) {
    }

    SlowClients(Duration headerTimeout, long minBodyRate) {
        this(headerTimeout, minBodyRate, () -> { });
    }

    /** As above; {@code onCut} hears of each connection cut for headers that did not arrive in time. */
    SlowClients(Duration headerTimeout, long minBodyRate, Runnable onCut) {
        this.windowNanos = headerTimeout.toNanos();
        this.minBodyRate = minBodyRate;
        this.onCut = onCut;
    }

    private final Runnable onCut;

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        if (getServer().getThreadPool() instanceof ThreadPool.SizedThreadPool pool) {
            maxStreaming = Math.max(4, pool.getMaxThreads() / 4);
        }
        sweeper = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "slow-client-sweep");
            t.setDaemon(true);
            return t;
        });
        long period = Math.max(50, Math.min(500, TimeUnit.NANOSECONDS.toMillis(windowNanos) / 5));
        sweeper.scheduleWithFixedDelay(this::sweep, period, period, TimeUnit.MILLISECONDS);
    }

    @Override
    protected void doStop() throws Exception {
        sweeper.shutdownNow();
        super.doStop();
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        Handler next = getHandler();
        if (next == null) {
            return false;
        }
        long length = request.getLength();
        boolean chunked = request.getHeaders().contains(HttpHeader.TRANSFER_ENCODING, "chunked");
        if (length <= 0 && !chunked) {
            return next.handle(request, response, callback);
        }
        Watch watch = new Watch();
        if (request.getHeaders().contains(HttpHeader.EXPECT, HttpHeaderValue.CONTINUE.asString())
                || length > PRELOAD_LIMIT) {
            if (streaming.incrementAndGet() > maxStreaming) {
                streaming.decrementAndGet();
                Response.writeError(request, response, callback, 503, "Too many uploads in progress");
                return true;
            }
            GuardedBody body = new GuardedBody(request, new ByteArrayOutputStream(0), false, watch);
            watch.cutter = body::cut;
            watches.add(watch);
            dispatch(next, body, response, Callback.from(callback, () -> {
                watches.remove(watch);
                streaming.decrementAndGet();
            }));
            return true;
        }
        new Preload(next, request, response, callback, watch, length).load(false);
        return true;
    }

    private static void dispatch(Handler next, Request request, Response response, Callback callback) {
        try {
            if (!next.handle(request, response, callback)) {
                Response.writeError(request, response, callback, 404);
            }
        } catch (Throwable t) {
            Response.writeError(request, response, callback, t);
        }
    }

    /** Where a preloading body is: still coming in, handed on to the routes, or cut for being too slow (408). */
    private enum Stage { LOADING, DISPATCHED, CUT }

    /**
     * Reads a small body through demand callbacks, then hands the request on with the body in memory. Reading a
     * chunk never blocks, so Jetty may run the callback on its selector thread without a dispatch; only handing
     * the request to the routes goes to the thread pool.
     */
    private final class Preload implements Invocable.Task {
        private final Handler next;
        private final Request request;
        private final Response response;
        private final Callback callback;
        private final Watch watch;
        private final ByteArrayOutputStream buffer;
        private final AtomicReference<Stage> stage = new AtomicReference<>(Stage.LOADING);

        Preload(Handler next, Request request, Response response, Callback callback, Watch watch, long length) {
            this.next = next;
            this.request = request;
            this.response = response;
            this.callback = callback;
            this.watch = watch;
            // starts small and grows as bytes come: a trickle that never sends much costs little
            this.buffer = new ByteArrayOutputStream((int) Math.min(Math.max(length, 256), 8 * 1024));
            watch.started();
            watch.cutter = () -> {
                if (stage.compareAndSet(Stage.LOADING, Stage.CUT)) {
                    Response.writeError(request, response, callback, 408);
                }
            };
            watches.add(watch);
        }

        @Override
        public InvocationType getInvocationType() {
            return InvocationType.NON_BLOCKING;
        }

        /** From a demand callback: hand the request on in a pool thread. */
        @Override
        public void run() {
            load(true);
        }

        void load(boolean fromDemand) {
            while (stage.get() == Stage.LOADING) {
                Content.Chunk chunk = request.read();
                if (chunk == null) {
                    request.demand(this);
                    return;
                }
                if (Content.Chunk.isFailure(chunk)) {
                    if (stage.compareAndSet(Stage.LOADING, Stage.CUT)) {
                        watches.remove(watch);
                        Response.writeError(request, response, callback, chunk.getFailure());
                    }
                    return;
                }
                ByteBuffer bytes = chunk.getByteBuffer();
                int n = bytes.remaining();
                byte[] copy = new byte[n];
                bytes.get(copy);
                buffer.write(copy, 0, n);
                boolean last = chunk.isLast();
                chunk.release();
                watch.arrived(n, last);
                if ((last || buffer.size() > PRELOAD_LIMIT) && stage.compareAndSet(Stage.LOADING, Stage.DISPATCHED)) {
                    GuardedBody body = new GuardedBody(request, buffer, last, watch);
                    watch.cutter = body::cut;
                    if (last) {
                        watches.remove(watch);
                    }
                    Callback done = Callback.from(callback, () -> watches.remove(watch));
                    if (fromDemand) {
                        request.getContext().execute(() -> dispatch(next, body, response, done));
                    } else {
                        dispatch(next, body, response, done);
                    }
                    return;
                }
            }
        }
    }

    /** The arrival of one body, as the sweep sees it. */
    static final class Watch {
        private final AtomicLong bytes = new AtomicLong();
        private volatile long started;
        private volatile boolean finished;
        volatile Runnable cutter;
        private long windowStart;
        private long windowBytes;

        void started() {
            if (started == 0) {
                started = System.nanoTime();
            }
        }

        void arrived(long n, boolean last) {
            bytes.addAndGet(n);
            finished |= last;
        }

        /** Sweep only: whether the body delivered less than {@code rate} bytes a second over the last window. */
        boolean tooSlow(long now, long window, long rate) {
            if (finished || started == 0) {
                return false;
            }
            if (windowStart == 0) {
                windowStart = started;
            }
            long elapsed = now - windowStart;
            if (elapsed < window) {
                return false;
            }
            long got = bytes.get() - windowBytes;
            if (got * 1_000_000_000L < rate * elapsed) {
                return true;
            }
            windowStart = now;
            windowBytes = bytes.get();
            return false;
        }
    }

    private void sweep() {
        try {
            long now = System.nanoTime();
            int bodiesCut = 0;
            if (minBodyRate > 0) {
                for (Watch watch : watches) {
                    if (watch.tooSlow(now, windowNanos, minBodyRate) && watches.remove(watch)) {
                        bodiesCut++;
                        Runnable cutter = watch.cutter;
                        if (cutter != null) {
                            cutter.run();
                        }
                    }
                }
            }
            int headersCut = 0;
            for (Connector connector : getServer().getConnectors()) {
                for (EndPoint endPoint : connector.getConnectedEndPoints()) {
                    if (checkHeaders(endPoint, now)) {
                        headersCut++;
                        onCut.run();
                    }
                }
            }
            headers.keySet().removeIf(endPoint -> !endPoint.isOpen());
            if (bodiesCut + headersCut > 0) { // one line a sweep: a flood of slow clients is not a flood of logs
                LOG.info("cut {} request bodies under {} bytes/s and {} connections whose headers took over {} ms",
                        bodiesCut, minBodyRate, headersCut, TimeUnit.NANOSECONDS.toMillis(windowNanos));
            }
        } catch (RuntimeException e) {
            LOG.warn("slow-client sweep failed: {}", e.toString());
        }
    }

    /** Cuts a connection whose request headers (or, on a new connection, first bytes) are overdue; whether it did. */
    private boolean checkHeaders(EndPoint endPoint, long now) {
        if (!(endPoint.getConnection() instanceof HttpConnection connection) || !endPoint.isOpen()) {
            return false;
        }
        HttpParser parser = connection.getParser();
        long messages = connection.getMessagesIn();
        boolean started = !parser.isStart();
        if (!parser.inHeaderState() || (!started && messages > 0)) {
            headers.remove(endPoint); // handling a request, or idle between requests (the idle timeout's job)
            return false;
        }
        Seen seen = headers.compute(endPoint, (k, old) -> old != null && old.messages() == messages ? old
                : new Seen(messages, now));
        if (now - seen.since() < windowNanos) {
            return false;
        }
        headers.remove(endPoint);
        if (!started) {
            endPoint.close(); // never said a word
            return true;
        }
        try {
            endPoint.write(Callback.from(endPoint::close, x -> endPoint.close()), ByteBuffer.wrap(timeoutAnswer()));
        } catch (RuntimeException e) {
            endPoint.close();
        }
        return true;
    }

    /** The 408 for headers that never finished: the request has no id yet, so it gets a new one. */
    private static byte[] timeoutAnswer() {
        String id = RequestIds.generate();
        byte[] body = Problems.bytes(Problems.forStatus(408, "", "", null).withRequestId(id));
        String head = "HTTP/1.1 408 Request Timeout\r\nContent-Type: " + Problems.CONTENT_TYPE + "\r\nContent-Length: "
                + body.length + "\r\n" + RequestIds.HEADER + ": " + id + "\r\nConnection: close\r\n\r\n";
        byte[] headBytes = head.getBytes(StandardCharsets.US_ASCII);
        byte[] all = new byte[headBytes.length + body.length];
        System.arraycopy(headBytes, 0, all, 0, headBytes.length);
        System.arraycopy(body, 0, all, headBytes.length, body.length);
        return all;
    }
}
