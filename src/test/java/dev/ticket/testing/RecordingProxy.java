package dev.ticket.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * An HTTP reverse proxy on a loopback port that passes every request to a real service and records both sides
 * byte for byte: method, path and query as sent, headers, bodies, status. Event streams are passed on as they
 * arrive (and recorded as far as the client read them).
 */
public final class RecordingProxy implements AutoCloseable {
    /** One request and its answer, as they crossed the proxy. */
    public record Exchange(String method, String target, Map<String, List<String>> requestHeaders, byte[] requestBody,
                           int status, Map<String, List<String>> responseHeaders, byte[] responseBody) {
        public String requestHeader(String name) {
            return first(requestHeaders, name);
        }

        public String responseHeader(String name) {
            return first(responseHeaders, name);
        }

        private static String first(Map<String, List<String>> headers, String name) {
            List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
            return values == null || values.isEmpty() ? null : values.get(0);
        }

        @Override
        public String toString() {
            return method + " " + target + " -> " + status;
        }
    }

    static {
        // the JDK server otherwise waits for Nagle's algorithm on every small answer (~40 ms each)
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    /** Headers java.net.http sets itself and refuses to be given. */
    private static final Set<String> RESTRICTED = Set.of("connection", "content-length", "expect", "host",
            "upgrade", "keep-alive", "transfer-encoding");

    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "recording-proxy");
        t.setDaemon(true);
        return t;
    });
    private final HttpClient upstream = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final URI target;
    /** Exchanges in the order their answers began; an event stream's body grows while it is open. */
    private final List<Pending> exchanges = new CopyOnWriteArrayList<>();
    /** Event streams open upstream, closed with the proxy so that the service need not wait for them. */
    private final Set<InputStream> streams = java.util.concurrent.ConcurrentHashMap.newKeySet();

    private record Pending(String method, String target, Map<String, List<String>> requestHeaders,
                           byte[] requestBody, int status, Map<String, List<String>> responseHeaders,
                           ByteArrayOutputStream body) {
        Exchange snapshot() {
            byte[] bytes;
            synchronized (body) {
                bytes = body.toByteArray();
            }
            return new Exchange(method, target, requestHeaders, requestBody, status, responseHeaders, bytes);
        }
    }

    public RecordingProxy(String upstreamUrl) {
        this.target = URI.create(upstreamUrl);
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(threads);
        server.createContext("/", this::forward);
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** What crossed so far; an open event stream as far as it got. */
    public List<Exchange> exchanges() {
        return exchanges.stream().map(Pending::snapshot).toList();
    }

    /** How many requests so far had a target (path and query) starting with {@code prefix}. */
    public long asked(String prefix) {
        return exchanges().stream().filter(e -> e.target().startsWith(prefix)).count();
    }

    private void forward(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            String path = exchange.getRequestURI().getRawPath();
            String query = exchange.getRequestURI().getRawQuery();
            String pathAndQuery = path + (query == null ? "" : "?" + query);
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(target.toString() + pathAndQuery))
                    .method(exchange.getRequestMethod(), body.length == 0 ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofByteArray(body));
            Map<String, List<String>> requestHeaders = lower(exchange.getRequestHeaders());
            requestHeaders.forEach((name, values) -> {
                if (!RESTRICTED.contains(name)) {
                    values.forEach(v -> request.header(name, v));
                }
            });
            HttpResponse<InputStream> response;
            try {
                response = upstream.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException(e);
            }
            Map<String, List<String>> responseHeaders = lower(response.headers().map());
            responseHeaders.forEach((name, values) -> {
                if (!RESTRICTED.contains(name)) {
                    exchange.getResponseHeaders().put(name, values);
                }
            });
            String type = String.valueOf(response.headers().firstValue("content-type").orElse(""));
            ByteArrayOutputStream recorded = new ByteArrayOutputStream();
            Pending pending = new Pending(exchange.getRequestMethod(), pathAndQuery, requestHeaders, body,
                    response.statusCode(), responseHeaders, recorded);
            try (InputStream in = response.body()) {
                if (type.startsWith("text/event-stream")) {
                    exchanges.add(pending);
                    streams.add(in);
                    exchange.sendResponseHeaders(response.statusCode(), 0);
                    OutputStream out = exchange.getResponseBody();
                    byte[] buffer = new byte[8192];
                    try {
                        for (int n; (n = in.read(buffer)) >= 0; ) {
                            synchronized (recorded) {
                                recorded.write(buffer, 0, n);
                            }
                            out.write(buffer, 0, n);
                            out.flush();
                        }
                    } catch (IOException e) {
                        // the client hung up, or the proxy closed: the stream ends here
                    } finally {
                        streams.remove(in);
                    }
                } else {
                    byte[] bytes = in.readAllBytes();
                    recorded.writeBytes(bytes);
                    exchanges.add(pending);
                    boolean empty = bytes.length == 0 || exchange.getRequestMethod().equals("HEAD");
                    exchange.sendResponseHeaders(response.statusCode(), empty ? -1 : bytes.length);
                    if (!empty) {
                        exchange.getResponseBody().write(bytes);
                    }
                }
            }
        }
    }

    private static Map<String, List<String>> lower(Map<String, List<String>> headers) {
        Map<String, List<String>> lower = new TreeMap<>();
        headers.forEach((name, values) -> lower.computeIfAbsent(name.toLowerCase(Locale.ROOT),
                k -> new java.util.ArrayList<>()).addAll(values));
        return lower;
    }

    @Override
    public void close() {
        for (InputStream stream : streams) {
            try {
                stream.close();
            } catch (IOException e) {
                // closing anyway
            }
        }
        server.stop(0);
        threads.shutdownNow();
    }
}
