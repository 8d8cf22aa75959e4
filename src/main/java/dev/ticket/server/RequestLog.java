package dev.ticket.server;

import static net.logstash.logback.argument.StructuredArguments.kv;

import io.javalin.http.Context;
import io.javalin.router.Endpoint;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One line per answered request, and its count in the metrics: method, path, route (the template, as
 * {@code /api/v1/tickets/{id}}), status, duration, user id, client address (after the trusted proxies) and
 * request id. The fields are structured: {@code name=value} in the text log, members of the JSON object in the
 * JSON log. Never a token, nor the Authorization header.
 */
final class RequestLog {
    private static final Logger LOG = LoggerFactory.getLogger("ticket.http");
    /** The route of a request no route matched (404, 405): a bounded label, not the path asked for. */
    static final String UNMATCHED = "unmatched";

    private final boolean enabled;
    private final ServiceMetrics metrics;

    RequestLog(boolean enabled, ServiceMetrics metrics) {
        this.enabled = enabled;
        this.metrics = metrics;
    }

    /** A request the routes answered. */
    void finished(Context ctx, float ms, Gatekeeper gate) {
        Long user = ctx.attribute(Requests.CALLER) instanceof dev.ticket.service.Caller c ? c.userId() : null;
        int status = ctx.statusCode();
        if (status == 408) {
            metrics.rejected(ServiceMetrics.SLOW_REQUEST);
        } else if (status == 429 && ctx.attribute(Problems.TYPE) instanceof String type
                && (type.equals(ServiceMetrics.WRITE_RATE) || type.equals(ServiceMetrics.AUTH_THROTTLE))) {
            metrics.rejected(type);
        }
        finished(ctx.method().name(), ctx.path(), route(ctx), status, (long) (ms * 1_000_000L), user,
                gate.address(ctx), RequestIds.of(ctx));
    }

    /** A refusal answered outside the routes (the event streams' caps and cuts). */
    void rejected(String reason) {
        metrics.rejected(reason);
    }

    void finished(String method, String path, String route, int status, long nanos, Long userId, String address,
                  String requestId) {
        metrics.request(method, route, status, nanos);
        if (!enabled) {
            return;
        }
        List<Object> fields = new ArrayList<>(8);
        fields.add(kv("method", method));
        fields.add(kv("path", Requests.printable(path)));
        fields.add(kv("route", route));
        fields.add(kv("status", status));
        fields.add(kv("duration_ms", Math.round(nanos / 100_000.0) / 10.0));
        if (userId != null) {
            fields.add(kv("user_id", userId));
        }
        fields.add(kv("client_address", address));
        fields.add(kv("request_id", requestId));
        LOG.info("{} ".repeat(fields.size() - 1) + "{}", fields.toArray());
    }

    /** The route template the request matched, or {@link #UNMATCHED}. */
    static String route(Context ctx) {
        try {
            Endpoint endpoint = ctx.endpoints().matchedHttpEndpoint();
            return endpoint == null ? UNMATCHED : endpoint.path;
        } catch (RuntimeException e) {
            return UNMATCHED;
        }
    }
}
