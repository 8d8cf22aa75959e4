package dev.ticket.server;

import dev.ticket.service.Caller;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.BufferUtil;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.IteratingCallback;

/**
 * One open event stream: a queue of frames (shared, read-only buffers) written to the client with
 * non-blocking writes, one at a time. It holds no thread: a write that cannot finish now completes
 * later on Jetty's selector. A client that stops reading makes the queue grow; once its unsent bytes
 * pass the bound the stream is cut.
 */
final class SseConnection {
    final Caller caller;
    final Long ticketId;
    /** The HTTP/2 connection this stream shares with others, or null for a connection of its own (HTTP/1.1). */
    final Object sharedConnection;
    /** The newest event id queued on this stream; only the hub's dispatcher thread touches it. */
    long last;
    /** True while the dispatcher has this stream in its routing index (dispatcher thread only). */
    boolean routed;
    /** True while the fan-out writer has this stream in its list of streams to flush (dispatcher thread only). */
    boolean flushPending;

    private final Response response;
    private final Callback done;
    private final long maxUnsent;
    private final Consumer<SseConnection> onClose;
    private final Flusher flusher = new Flusher();
    private final ArrayDeque<ByteBuffer> queue = new ArrayDeque<>(4);
    private long unsent;
    private int inFlight;
    private boolean closed;
    private boolean ending;
    /** Run once the queue has drained (a stream catching up on a backlog asks for more then). */
    private Runnable onDrained;
    /** Run once, when the next write completes (see {@link #flushThen}). */
    private Runnable afterWrite;
    private final AtomicBoolean released = new AtomicBoolean();
    private final AtomicBoolean completed = new AtomicBoolean();
    private volatile Runnable onCut = () -> { };

    SseConnection(Caller caller, Long ticketId, long last, Object sharedConnection, Response response, Callback done,
                  long maxUnsent, Consumer<SseConnection> onClose) {
        this.caller = caller;
        this.ticketId = ticketId;
        this.sharedConnection = sharedConnection;
        this.last = last;
        this.response = response;
        this.done = done;
        this.maxUnsent = maxUnsent;
        this.onClose = onClose;
    }

    /** Hears of the stream being cut because its client stopped reading (the metrics count it). */
    void onCut(Runnable action) {
        onCut = action;
    }

    /** Queues a frame and starts writing it; false when the stream is closed (or was closed now: see enqueue). */
    boolean offer(ByteBuffer frame) {
        if (!enqueue(frame)) {
            return false;
        }
        flush();
        return true;
    }

    /** Starts writing what is queued, unless a write is already under way. */
    void flush() {
        flusher.iterate();
    }

    /**
     * Starts writing, and runs {@code then} when the write it starts completes: on HTTP/2 that is inside the
     * connection's frame flusher, so frames the action queues for other streams of the connection go out together,
     * in one system call. The caller runs {@code then} itself if it did not run at once (it must run only once).
     */
    void flushThen(Runnable then) {
        synchronized (this) {
            afterWrite = then;
        }
        flusher.iterate();
        synchronized (this) {
            afterWrite = null;
        }
    }

    /**
     * Queues a frame without writing it yet ({@link #flush} does); false when the stream is closed, or was
     * closed now because its client fell too far behind.
     */
    boolean enqueue(ByteBuffer frame) {
        synchronized (this) {
            if (closed) {
                return false;
            }
            if (unsent > 0 && unsent + frame.remaining() > maxUnsent) {
                closed = true;
            } else {
                queue.add(frame.duplicate());
                unsent += frame.remaining();
            }
        }
        if (isClosed()) {
            onCut.run();
            abort(new java.io.IOException("the client stopped reading: more than " + maxUnsent + " bytes unsent"));
            return false;
        }
        return true;
    }

    /** Bytes queued and not yet taken by the socket. */
    synchronized long unsent() {
        return unsent;
    }

    synchronized boolean isClosed() {
        return closed;
    }

    /** Runs {@code action} (once) when the queue is empty, now if it already is. */
    void whenDrained(Runnable action) {
        boolean now;
        synchronized (this) {
            now = queue.isEmpty() && inFlight == 0 && !closed;
            if (!now) {
                onDrained = action;
            }
        }
        if (now) {
            action.run();
        }
    }

    /** Ends the stream after what is already queued: nothing offered after this call is sent. */
    void end() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            ending = true;
        }
        release();
        flusher.iterate();
    }

    /** Cuts the connection at once (a failed write, a client gone, or one that stopped reading). */
    void abort(Throwable why) {
        synchronized (this) {
            closed = true;
            queue.clear();
        }
        release();
        flusher.abort(why);
        complete(why); // fails a write still pending on a client that does not read, closing the connection
    }

    /** Gives back the slot of a stream that never started (its request is answered otherwise). */
    void discard() {
        synchronized (this) {
            closed = true;
        }
        release();
    }

    private void release() {
        if (released.compareAndSet(false, true)) {
            onClose.accept(this);
        }
    }

    private void complete(Throwable failure) {
        if (completed.compareAndSet(false, true)) {
            if (failure == null) {
                done.succeeded();
            } else {
                done.failed(failure);
            }
        }
    }

    /** Writes queued frames one at a time; the last write of an ending stream completes the response. */
    private final class Flusher extends IteratingCallback {
        private boolean finalWritten;

        @Override
        protected Action process() {
            ByteBuffer next;
            boolean finish = false;
            Runnable drained = null;
            Runnable written = null;
            synchronized (SseConnection.this) {
                unsent -= inFlight;
                inFlight = 0;
                if (finalWritten) {
                    return Action.SUCCEEDED;
                }
                next = queue.poll();
                if (next != null) {
                    inFlight = next.remaining();
                    written = afterWrite;
                    afterWrite = null;
                } else if (ending) {
                    finish = true;
                    finalWritten = true;
                } else {
                    drained = onDrained;
                    onDrained = null;
                }
            }
            if (finish) {
                response.write(true, BufferUtil.EMPTY_BUFFER, this);
                return Action.SCHEDULED;
            }
            if (next == null) {
                if (drained != null) {
                    drained.run();
                }
                return Action.IDLE;
            }
            if (written == null) {
                response.write(false, next, this);
            } else {
                Runnable then = written; // inside the write's completion: on HTTP/2, within the frame flusher
                response.write(false, next, Callback.from(() -> {
                    then.run();
                    succeeded();
                }, this::failed));
            }
            return Action.SCHEDULED;
        }

        @Override
        protected void onCompleteSuccess() {
            complete(null);
        }

        @Override
        protected void onCompleteFailure(Throwable cause) {
            synchronized (SseConnection.this) {
                closed = true;
                queue.clear();
            }
            release();
            complete(cause);
        }
    }
}
