package dev.ticket.server;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;

/**
 * A request body as the handlers read it, watched by {@link SlowClients}: first what was loaded before any thread
 * took the request (all of a small body), then the rest from the connection. Counts the bytes that arrive so the
 * sweep can measure the rate, and once the sweep {@linkplain #cut() cuts} it every read fails at once, waking a
 * handler that waits for more.
 */
final class GuardedBody extends Request.Wrapper {
    /**
     * What a handler's read fails with once a body is cut for being too slow. An IOException without a
     * TimeoutException inside: Javalin answers those itself with an empty 408, not our problem document.
     */
    static final class TooSlow extends java.io.IOException {
        TooSlow() {
            super("the request body arrived too slowly");
        }
    }

    private final ByteBuffer preloaded;
    private final boolean complete;
    private final SlowClients.Watch watch;
    private final AtomicReference<Runnable> waiting = new AtomicReference<>();
    private volatile TooSlow cut;
    private boolean preloadRead;

    /**
     * @param preloaded the bytes read before dispatch (empty when none)
     * @param complete whether those are the whole body
     */
    GuardedBody(Request request, ByteArrayOutputStream preloaded, boolean complete, SlowClients.Watch watch) {
        super(request);
        this.preloaded = ByteBuffer.wrap(preloaded.toByteArray());
        this.complete = complete;
        this.watch = watch;
    }

    @Override
    public Content.Chunk read() {
        if (cut != null) {
            return Content.Chunk.from(cut, true);
        }
        if (!preloadRead) {
            preloadRead = true;
            if (preloaded.hasRemaining() || complete) {
                return Content.Chunk.from(preloaded, complete);
            }
        }
        if (complete) {
            return Content.Chunk.EOF;
        }
        watch.started();
        Content.Chunk chunk = super.read();
        if (chunk != null) {
            watch.arrived(chunk.remaining(), chunk.isLast());
        }
        return chunk;
    }

    @Override
    public void demand(Runnable demandCallback) {
        if (cut != null || complete || (!preloadRead && preloaded.hasRemaining())) {
            demandCallback.run(); // read() has something to give now
            return;
        }
        watch.started();
        Runnable once = new Runnable() {
            @Override
            public void run() {
                if (waiting.compareAndSet(this, null)) {
                    demandCallback.run();
                }
            }
        };
        waiting.set(once);
        super.demand(once);
    }

    /** Ends the body: reads fail from now on, and a handler waiting for bytes is woken to see it. */
    void cut() {
        cut = new TooSlow();
        Runnable pending = waiting.get();
        if (pending != null) {
            getContext().execute(pending);
        }
    }

    /** True when {@code failure} (or a cause of it) is a body cut for being too slow. */
    static boolean isTooSlow(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof TooSlow) {
                return true;
            }
        }
        return false;
    }
}
