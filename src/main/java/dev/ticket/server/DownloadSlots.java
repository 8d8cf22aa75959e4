package dev.ticket.server;

import dev.ticket.service.ServiceException;
import io.javalin.http.Context;
import java.io.IOException;
import java.util.concurrent.Semaphore;
import org.eclipse.jetty.util.thread.ThreadPool;

/**
 * At most a quarter of the request threads stream a file or a large answer out at a time (rules.md, load), as
 * {@link SlowClients} does for uploads. Answers are written with blocking writes: a client that asks for a file
 * (or a long chat) and stops reading holds its thread until the idle timeout (30 s) once the socket's buffers are
 * full, so a few hundred of them took every thread and the whole API waited. Past the bound such an answer is
 * refused 503 with {@code Retry-After}, before anything is written.
 */
final class DownloadSlots {
    static final long RETRY_AFTER_SECONDS = 5;
    /** JSON answers larger than this take a slot; smaller ones fit the socket's buffers and never wait. */
    static final int LARGE_ANSWER = 64 * 1024;

    /**
     * Long chats answered at once: each holds its JSON (megabytes) while it is made and written, so only a few
     * may; a few hundred readers of an 8 MB chat made the service collect garbage for seconds.
     */
    static final int LARGE_CHATS = 8;

    private volatile Semaphore slots = new Semaphore(64);
    private final Semaphore largeChats = new Semaphore(LARGE_CHATS);

    /** Sizes the bound to {@code pool}: a quarter of its threads (at least 4). */
    void sizeFor(ThreadPool pool) {
        if (pool instanceof ThreadPool.SizedThreadPool sized) {
            slots = new Semaphore(Math.max(4, sized.getMaxThreads() / 4));
        }
    }

    /** What a download does while it holds a slot. */
    interface Send {
        void run() throws IOException;
    }

    /** Runs {@code send} in a slot, or refuses with 503 when every slot is taken. */
    void send(Send send) throws IOException {
        Semaphore held = slots;
        if (!held.tryAcquire()) {
            throw new ServiceException(ServiceException.Kind.UNAVAILABLE,
                    "Too many downloads are in progress; try again shortly.", RETRY_AFTER_SECONDS);
        }
        try {
            send.run();
        } finally {
            held.release();
        }
    }

    /** What makes an answer's JSON. */
    interface Body {
        byte[] json() throws IOException;
    }

    /**
     * Writes a chat's JSON; one whose text is over {@link #LARGE_ANSWER} takes one of {@link #LARGE_CHATS} slots
     * before its JSON is made, and past them is refused 503 with {@code Retry-After} at no cost.
     */
    void writeChat(Context ctx, long textLength, Body body) throws IOException {
        if (textLength <= LARGE_ANSWER) {
            write(ctx, body.json());
            return;
        }
        if (!largeChats.tryAcquire()) {
            throw new ServiceException(ServiceException.Kind.UNAVAILABLE,
                    "Too many long chats are being sent; try again shortly.", RETRY_AFTER_SECONDS);
        }
        try {
            Responses.write(ctx, body.json());
        } finally {
            largeChats.release();
        }
    }

    /** Writes a JSON answer, in a slot when it is large. */
    void write(Context ctx, byte[] json) throws IOException {
        if (json.length > LARGE_ANSWER) {
            send(() -> Responses.write(ctx, json));
        } else {
            Responses.write(ctx, json);
        }
    }
}
