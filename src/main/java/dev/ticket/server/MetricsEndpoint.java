package dev.ticket.server;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.Executors;

/**
 * {@code GET /metrics} in the Prometheus text format: on the API port for admins, and with {@code --metrics-port}
 * without a token on a listener of its own bound to loopback only (for a scraper or agent on the same machine).
 */
final class MetricsEndpoint implements AutoCloseable {
    static final String PATH = "/metrics";

    private final ServiceMetrics metrics;
    private HttpServer loopback;

    MetricsEndpoint(ServiceMetrics metrics) {
        this.metrics = metrics;
    }

    /** The admin route on the API port. */
    void handle(Context ctx) throws IOException {
        String type = ServiceMetrics.contentType(ctx.header("Accept"));
        ctx.contentType(type);
        ctx.header("Cache-Control", "no-store");
        if (!ctx.method().name().equals("HEAD")) {
            metrics.scrape(ctx.res().getOutputStream(), type);
        }
    }

    /** Serves the metrics without a token on 127.0.0.1:{@code port} (0: any free port); returns the port. */
    int listenOnLoopback(int port) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 16);
        server.setExecutor(Executors.newSingleThreadExecutor(r -> {
            Thread thread = new Thread(r, "ticket-metrics");
            thread.setDaemon(true);
            return thread;
        }));
        server.createContext("/", this::answer);
        server.start();
        loopback = server;
        return server.getAddress().getPort();
    }

    private void answer(HttpExchange exchange) throws IOException {
        try (exchange) {
            String id = RequestIds.accept(exchange.getRequestHeaders().getFirst(RequestIds.HEADER));
            exchange.getResponseHeaders().set(RequestIds.HEADER, id);
            boolean get = exchange.getRequestMethod().equals("GET") || exchange.getRequestMethod().equals("HEAD");
            if (!exchange.getRequestURI().getPath().equals(PATH) || !get) {
                byte[] body = Problems.bytes((get ? Problems.forStatus(404, exchange.getRequestMethod(),
                        exchange.getRequestURI().getPath(), null) : Problems.forStatus(405,
                        exchange.getRequestMethod(), exchange.getRequestURI().getPath(), null)).withRequestId(id));
                exchange.getResponseHeaders().set("Content-Type", Problems.CONTENT_TYPE);
                exchange.sendResponseHeaders(get ? 404 : 405, body.length);
                exchange.getResponseBody().write(body);
                return;
            }
            String type = ServiceMetrics.contentType(exchange.getRequestHeaders().getFirst("Accept"));
            exchange.getResponseHeaders().set("Content-Type", type);
            exchange.getResponseHeaders().set("Cache-Control", "no-store");
            if (exchange.getRequestMethod().equals("HEAD")) {
                exchange.sendResponseHeaders(200, -1);
                return;
            }
            exchange.sendResponseHeaders(200, 0);
            try (OutputStream out = exchange.getResponseBody()) {
                metrics.scrape(out, type);
            }
        }
    }

    @Override
    public void close() {
        if (loopback != null) {
            loopback.stop(0);
            ((java.util.concurrent.ExecutorService) loopback.getExecutor()).shutdownNow();
        }
    }
}
