package dev.ticket.server;

import com.fasterxml.jackson.databind.ObjectWriter;
import dev.ticket.model.Json;
import dev.ticket.model.Ticket;
import io.javalin.http.Context;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Writing JSON answers: serialized once to bytes and written straight to Jetty with their length
 * (Javalin's {@code ctx.json} makes a String, then a stream, then copies it).
 *
 * <p>One ticket with its chat is the hot read: its bytes are kept per ticket value. A {@link Ticket}
 * is an immutable record and its JSON a function of its value alone, so a value-equal ticket may
 * take the bytes made for another; a changed ticket (a new message, a status, another viewer's
 * unread count) is a different key and is serialized afresh.
 */
final class Responses {
    static final String JSON = "application/json";
    /** Bytes of JSON kept at most; the cache starts over when a put would pass it. */
    private static final long MAX_CACHED_BYTES = 16L * 1024 * 1024;
    private static final Map<Ticket, byte[]> TICKETS = new ConcurrentHashMap<>();
    private static final AtomicLong CACHED_BYTES = new AtomicLong();

    private Responses() {
    }

    static void json(Context ctx, Object value) throws IOException {
        write(ctx, writer().writeValueAsBytes(value));
    }

    static void json(Context ctx, int status, Object value) throws IOException {
        ctx.status(status);
        json(ctx, value);
    }

    /** One ticket with its chat, serialized once per distinct value. */
    static void ticket(Context ctx, Ticket ticket) throws IOException {
        byte[] body = TICKETS.get(ticket);
        if (body == null) {
            body = writer().writeValueAsBytes(ticket);
            if (CACHED_BYTES.addAndGet(body.length) > MAX_CACHED_BYTES) {
                TICKETS.clear();
                CACHED_BYTES.set(body.length);
            }
            TICKETS.put(ticket, body);
        }
        write(ctx, body);
    }

    private static void write(Context ctx, byte[] body) throws IOException {
        HttpServletResponse res = ctx.res();
        res.setContentType(JSON);
        res.setContentLength(body.length);
        res.getOutputStream().write(body);
    }

    private static ObjectWriter writer() {
        return Json.mapper().writer();
    }
}
