package dev.ticket.server;

import dev.ticket.model.Event;
import dev.ticket.model.Json;
import dev.ticket.service.Caller;
import dev.ticket.service.EventFeed;
import dev.ticket.service.ServiceException;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * {@code GET /api/v1/events}: server-sent events of what the caller may see. Each event carries its id;
 * {@code Last-Event-ID} (or {@code ?after=}) resumes after it without gaps or repeats.
 */
final class EventStream {
    private static final long KEEPALIVE_MS = 15_000;

    private final EventFeed feed;
    private final Object signal = new Object();
    private volatile boolean stopping;
    /** Counts wake-ups, so that an append between a read and a wait is never slept through. */
    private long version;

    EventStream(EventFeed feed) {
        this.feed = feed;
        feed.onAppend(this::wake);
    }

    void stream(Context ctx) throws IOException {
        Caller caller = Requests.caller(ctx);
        Long ticketId = ticketFilter(ctx);
        if (ticketId != null) {
            feed.checkVisible(caller, ticketId);
        }
        long last = resumeFrom(ctx);
        ctx.status(200);
        ctx.res().setContentType("text/event-stream; charset=utf-8");
        ctx.res().setHeader("Cache-Control", "no-store");
        ctx.res().setHeader("X-Accel-Buffering", "no");
        if (ctx.method() == HandlerType.HEAD) {
            return;
        }
        OutputStream out = ctx.res().getOutputStream();
        out.write(("retry: 1000\n: last event " + last + "\n\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
        while (!stopping) {
            long seen = version();
            List<Event> events = feed.after(caller, last, ticketId);
            for (Event event : events) {
                out.write(frame(event));
                last = event.id();
            }
            if (events.isEmpty()) {
                if (!await(seen)) {
                    out.write(": keepalive\n\n".getBytes(StandardCharsets.UTF_8));
                }
            }
            out.flush();
        }
    }

    /** Ends open streams so that a graceful shutdown does not wait for them. */
    void stop() {
        stopping = true;
        wake();
    }

    private void wake() {
        synchronized (signal) {
            version++;
            signal.notifyAll();
        }
    }

    private long version() {
        synchronized (signal) {
            return version;
        }
    }

    /** Waits for new events after {@code seen}; false when the keep-alive interval passed without any. */
    private boolean await(long seen) {
        synchronized (signal) {
            long deadline = System.currentTimeMillis() + KEEPALIVE_MS;
            while (version == seen && !stopping) {
                long left = deadline - System.currentTimeMillis();
                if (left <= 0) {
                    return false;
                }
                try {
                    signal.wait(left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    stopping = true;
                }
            }
            return true;
        }
    }

    private long resumeFrom(Context ctx) {
        String name = "Last-Event-ID";
        String raw = ctx.header(name);
        if (raw == null || raw.isBlank()) {
            name = "after";
            raw = ctx.queryParam(name);
        }
        if (raw == null || raw.isBlank()) {
            return feed.lastId();
        }
        return Requests.id(raw.strip(), name, true);
    }

    private static Long ticketFilter(Context ctx) {
        String raw = ctx.queryParam("ticket");
        if (raw == null || raw.isBlank()) {
            return null;
        }
        return Requests.id(raw.strip(), "ticket", false);
    }

    private static byte[] frame(Event event) throws IOException {
        String data = Json.mapper().writeValueAsString(event);
        return ("id: " + event.id() + "\nevent: " + event.kind() + "\ndata: " + data + "\n\n")
                .getBytes(StandardCharsets.UTF_8);
    }
}
