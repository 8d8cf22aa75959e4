package dev.ticket.server;

import com.fasterxml.jackson.databind.ObjectWriter;
import dev.ticket.model.Json;
import io.javalin.http.Context;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Writing JSON answers: serialized once to bytes and written straight to Jetty with their length
 * (Javalin's {@code ctx.json} makes a String, then a stream, then copies it).
 *
 * <p>One ticket with its chat and a page of tickets are the hot reads: their bytes are kept per value
 * ({@link JsonBodies}, one per server and kind).
 */
final class Responses {
    static final String JSON = "application/json";

    private Responses() {
    }

    static void json(Context ctx, Object value) throws IOException {
        write(ctx, writer().writeValueAsBytes(value));
    }

    static void json(Context ctx, int status, Object value) throws IOException {
        ctx.status(status);
        json(ctx, value);
    }

    static void write(Context ctx, byte[] body) throws IOException {
        HttpServletResponse res = ctx.res();
        res.setContentType(JSON);
        res.setContentLength(body.length);
        res.getOutputStream().write(body);
    }

    private static ObjectWriter writer() {
        return Json.mapper().writer();
    }
}
