package dev.ticket.server;

import io.javalin.http.Context;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Gives every request an id, outermost of the handlers: the {@code X-Request-Id} it came with when that is a
 * sane value (1 to 128 of {@code A-Z a-z 0-9 . _ : -}), else a new one (16 hex digits). The answer carries it
 * in the same header, problem documents in {@code request_id}, and the request log line has it, so the id a
 * user quotes finds the log line. An insane value is never echoed: it is replaced, not cleaned.
 */
final class RequestIds extends Handler.Wrapper {
    static final String HEADER = "X-Request-Id";
    static final String ATTRIBUTE = "ticket.request-id";
    private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        String id = accept(request.getHeaders().get(HEADER));
        request.setAttribute(ATTRIBUTE, id);
        response.getHeaders().put(HEADER, id);
        return super.handle(request, response, callback);
    }

    /** The incoming value when it is sane, else a new id. */
    static String accept(String incoming) {
        return incoming != null && SANE.matcher(incoming).matches() ? incoming : generate();
    }

    /** 64 random bits as 16 hex digits: unique enough to find one request in years of logs. */
    static String generate() {
        String hex = Long.toHexString(ThreadLocalRandom.current().nextLong());
        return "0".repeat(16 - hex.length()) + hex;
    }

    /** The id of a request Jetty already handed to the handlers; null when it never got that far. */
    static String of(Request request) {
        return request.getAttribute(ATTRIBUTE) instanceof String id ? id : null;
    }

    /** The id of a request a route handles. */
    static String of(Context ctx) {
        if (ctx.attribute(ATTRIBUTE) instanceof String id) {
            return id;
        }
        String header = ctx.res().getHeader(HEADER);
        return header != null ? header : generate();
    }
}
