package dev.ticket.client;

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.ManagedHttpClientConnectionFactory;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.ssl.DefaultClientTlsStrategy;
import org.apache.hc.client5.http.ssl.TlsSocketStrategy;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.io.HttpClientConnection;
import org.apache.hc.core5.http.io.ResponseOutOfOrderStrategy;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.util.Timeout;

/**
 * HTTP exchanges with retries. The Apache client is built on first use (it costs class loading),
 * and TLS is set up only when an https server is actually contacted.
 */
final class HttpTransport implements Closeable {
    /** A request to make: method, absolute URI, headers, optional JSON body. */
    record Request(String method, URI uri, Map<String, String> headers, byte[] json,
                   Supplier<HttpEntity> streamed) {
        Request(String method, URI uri, Map<String, String> headers, byte[] json) {
            this(method, uri, headers, json, null);
        }

        boolean retryable() {
            return !"POST".equals(method) || headers.containsKey("Idempotency-Key");
        }
    }

    /** A streamed upload is answered only once the service has stored every byte durably. */
    static final Duration STORE_TIMEOUT = Duration.ofMinutes(10);
    private static final String USER_AGENT = "ticket/0.1.0";

    private final ClientConfig config;
    private CloseableHttpClient http;
    private volatile TlsSocketStrategy tls;

    HttpTransport(ClientConfig config) {
        this.config = config;
    }

    /** Sends the request, retrying what is safe to retry; returns a 2xx answer or throws an {@link ApiException}. */
    HttpAnswer exchange(Request request) {
        long start = System.nanoTime();
        boolean replayable = true;
        for (int attempt = 1; ; attempt++) {
            Duration delay;
            long sent = System.nanoTime();
            String id = null;
            try {
                HttpUriRequestBase built = build(request, request.streamed() == null ? null : STORE_TIMEOUT);
                id = built.getFirstHeader(REQUEST_ID).getValue();
                // a body read from a pipe cannot be sent again: once it may have started, no retry
                replayable = built.getEntity() == null || built.getEntity().isRepeatable();
                HttpAnswer answer = http().execute(built, HttpTransport::read);
                String answered = answer.requestId() != null ? answer.requestId() : id;
                trace(request.method(), request.uri(), answer.status() + "", sent, answered);
                if (answer.status() < 300) {
                    return checkedJson(request, answer);
                }
                ApiException failure = Problems.toException(config.server(), answer.status(), answer.contentType(),
                        answer.body()).withRequestId(answered);
                if (!request.retryable() || !replayable || !retryableStatus(answer.status())) {
                    throw failure;
                }
                delay = config.retry().nextDelay(attempt, elapsed(start), retryAfter(answer.retryAfter()));
                if (delay == null) {
                    throw failure;
                }
            } catch (javax.net.ssl.SSLException e) {
                trace(request.method(), request.uri(), "failed (" + reason(e) + ")", sent, null);
                throw unreachable(e);   // an untrusted certificate or TLS to a plain port: trying again won't help
            } catch (IOException e) {
                // the id names the request only if it may have reached the service (not for a refused connection)
                String reached = neverSent(e) ? null : id;
                trace(request.method(), request.uri(), "failed (" + reason(e) + ")", sent, reached);
                // a service that let the whole answer time pass is not asked again: --timeout is what the user
                // was willing to wait, not a share of it (rules.md, power users)
                boolean silent = e instanceof java.net.SocketTimeoutException;
                boolean safe = !silent && ((request.retryable() && replayable) || neverSent(e));
                delay = safe ? config.retry().nextDelay(attempt, elapsed(start), null) : null;
                if (delay == null) {
                    throw unreachable(e).withRequestId(reached);
                }
            }
            pause(delay);
        }
    }

    /** The header naming each request, in both directions (the service keeps a sane id the client sends). */
    static final String REQUEST_ID = "X-Request-Id";

    /** One line for --verbose: what was asked, what came back, how long it took, and the request's id. */
    private void trace(String method, URI uri, String outcome, long sentNanos, String id) {
        if (config.trace() != null) {
            config.trace().accept(method + " " + uri + " -> " + outcome + " in "
                    + (System.nanoTime() - sentNanos) / 1_000_000 + " ms" + (id == null ? "" : " (request id " + id
                    + ")"));
        }
    }

    /** Opens a streaming GET (no retries: the caller reconnects); the caller closes the response. */
    ClassicHttpResponse open(HttpUriRequestBase request) {
        try {
            URI uri = uriOf(request);
            HttpHost target = new HttpHost(uri.getScheme(), uri.getHost(), uri.getPort());
            long sent = System.nanoTime();
            ClassicHttpResponse response = http().executeOpen(target, request, null);
            int status = response.getCode();
            Header answered = response.getFirstHeader(REQUEST_ID);
            Header asked = request.getFirstHeader(REQUEST_ID);
            String id = answered != null ? answered.getValue() : asked == null ? null : asked.getValue();
            trace(request.getMethod(), uri, Integer.toString(status), sent, id);
            if (status >= 300) {
                try (response) {
                    HttpAnswer answer = read(response);
                    ApiException failure = Problems.toException(config.server(), status, answer.contentType(),
                            answer.body()).withRequestId(id);
                    Duration wait = retryAfter(answer.retryAfter());
                    if (failure instanceof UnavailableException && wait != null) {
                        // e.g. too many open streams: the follower waits this long, then tries again
                        throw new UnavailableException(failure.getMessage(), failure.problem(), null, wait)
                                .withRequestId(id);
                    }
                    throw failure;
                }
            }
            if (wants(request, "text/event-stream") && !String.valueOf(response.getEntity() == null ? null
                    : response.getEntity().getContentType()).startsWith("text/event-stream")) {
                response.close();
                throw new NotATicketServiceException(config.server(), "it sent no event stream");
            }
            return response;
        } catch (IOException e) {
            throw unreachable(e);
        }
    }

    /** A 2xx answer to a request for JSON that is not JSON came from some other web server. */
    private HttpAnswer checkedJson(Request request, HttpAnswer answer) {
        String accept = request.headers().get("Accept");
        if (accept != null && accept.contains("json") && answer.status() != 204
                && !Problems.isJson(answer.contentType())) {
            throw new NotATicketServiceException(config.server(), "HTTP " + answer.status() + " with "
                    + (answer.contentType() == null ? "no content type" : answer.contentType().replaceFirst(";.*", ""))
                    + " where the ticket API answers JSON");
        }
        return answer;
    }

    private static boolean wants(HttpUriRequestBase request, String type) {
        Header accept = request.getFirstHeader("Accept");
        return accept != null && accept.getValue().contains(type);
    }

    private static URI uriOf(HttpUriRequestBase request) {
        try {
            return request.getUri();
        } catch (java.net.URISyntaxException e) {
            throw new IllegalArgumentException("not a usable URL: " + request.getRequestUri(), e);
        }
    }

    HttpUriRequestBase build(Request request, Duration responseTimeout) {
        HttpUriRequestBase http = new HttpUriRequestBase(request.method(), request.uri());
        http.addHeader("User-Agent", USER_AGENT);
        http.addHeader(REQUEST_ID, Problems.newRequestId());
        request.headers().forEach(http::addHeader);
        if (config.token() != null) {
            http.addHeader("Authorization", "Bearer " + config.token());
        }
        if (request.json() != null) {
            http.setEntity(new ByteArrayEntity(request.json(), ContentType.APPLICATION_JSON));
        }
        if (request.streamed() != null) {
            HttpEntity entity = request.streamed().get();
            http.setEntity(entity);
            // Expect: 100-continue lets the service refuse (401, 404, 409, 413) before a large body is sent.
            // The header itself rather than RequestConfig's flag, which would ask it for every body, small
            // ones too. The executor waits up to 3 s for the 100.
            long length = entity.getContentLength();
            if (length < 0 || length >= EXPECT_CONTINUE_FROM) {
                http.addHeader("Expect", "100-continue");
            }
        }
        http.setConfig(RequestConfig.custom().setResponseTimeout(Timeout.of(
                responseTimeout != null ? responseTimeout : config.readTimeout())).build());
        return http;
    }

    /** Bodies from this size on (and of unknown size) wait for the service's 100 Continue. */
    static final long EXPECT_CONTINUE_FROM = 64 * 1024;

    /**
     * Notices an answer that arrives while the body is still going out (a 413 for a file over the limit,
     * seen only once the service reads it), so the client stops sending and reads that answer instead of
     * writing on until the connection is reset. Checked every {@link #PLAIN_EVERY} bytes without waiting
     * (bytes the kernel already holds); over TLS that count is not visible, so a 1 ms poll every
     * {@link #TLS_EVERY} bytes.
     */
    static final class EarlyAnswer implements ResponseOutOfOrderStrategy {
        static final long PLAIN_EVERY = 256 * 1024;
        static final long TLS_EVERY = 4 * 1024 * 1024;

        @Override
        public boolean isEarlyResponseDetected(ClassicHttpRequest request, HttpClientConnection connection,
                                               InputStream socket, long sent, long next) throws IOException {
            boolean tls = connection.getSSLSession() != null;
            long every = tls ? TLS_EVERY : PLAIN_EVERY;
            if (sent / every == (sent + next) / every) {
                return false;
            }
            return tls ? connection.isDataAvailable(Timeout.ONE_MILLISECOND) : socket.available() > 0;
        }
    }

    private static HttpAnswer read(ClassicHttpResponse response) throws IOException {
        HttpEntity entity = response.getEntity();
        byte[] body = new byte[0];
        String contentType = null;
        if (entity != null) {
            contentType = entity.getContentType();
            try (InputStream in = entity.getContent()) {
                ByteArrayOutputStream buffer = new ByteArrayOutputStream();
                in.transferTo(buffer);
                body = buffer.toByteArray();
            }
        }
        return new HttpAnswer(response.getCode(), contentType, body, response.getHeaders());
    }

    /**
     * Builds a client with the defaults and drops it: the classes it needs get loaded and initialised, so the
     * command's own client is built in a fraction of the time ({@code Startup}'s warm-up, on another thread).
     */
    static void warmUp() {
        try (HttpTransport transport = new HttpTransport(ClientConfig.of(URI.create("http://127.0.0.1"), null))) {
            transport.http();
        }
    }

    private synchronized CloseableHttpClient http() {
        if (http == null) {
            ConnectionConfig connection = ConnectionConfig.custom()
                    .setConnectTimeout(Timeout.of(config.connectTimeout()))
                    .setSocketTimeout(Timeout.of(config.readTimeout()))
                    .build();
            // no redirects, cookies, auth, compression or built-in retries (we retry ourselves). Not
            // HttpClients.createMinimal: that one reads its version from a resource in the jar for a User-Agent
            // we replace anyway, and opening the jar's directory (11,000 entries) is ~5% of `ticket list`.
            http = HttpClients.custom()
                    .setUserAgent(USER_AGENT)
                    .disableAutomaticRetries()
                    .disableRedirectHandling()
                    .disableCookieManagement()
                    .disableAuthCaching()
                    .disableContentCompression()
                    .disableConnectionState()
                    .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                            .setDefaultConnectionConfig(connection)
                            .setConnectionFactory(ManagedHttpClientConnectionFactory.builder()
                                    .responseOutOfOrderStrategy(new EarlyAnswer()).build())
                            .setTlsSocketStrategy(this::upgrade)
                            .setMaxConnPerRoute(4)
                            .build())
                    .build();
        }
        return http;
    }

    private javax.net.ssl.SSLSocket upgrade(java.net.Socket socket, String target, int port, Object attachment,
                                            org.apache.hc.core5.http.protocol.HttpContext context) throws IOException {
        if (tls == null) {
            tls = config.trust() == null ? DefaultClientTlsStrategy.createSystemDefault()
                    : new DefaultClientTlsStrategy(config.trust());
        }
        return tls.upgrade(socket, target, port, attachment, context);
    }

    static boolean retryableStatus(int status) {
        return status == 429 || status == 502 || status == 503 || status == 504;
    }

    /** True when the failure happened before the request could reach the service, so any request may be resent. */
    private static boolean neverSent(IOException e) {
        return e instanceof ConnectException || e instanceof NoRouteToHostException
                || e instanceof UnknownHostException
                || e instanceof org.apache.hc.client5.http.ConnectTimeoutException
                || e instanceof org.apache.hc.client5.http.HttpHostConnectException;
    }

    /** Parses {@code Retry-After}: delta seconds or an HTTP date; null when absent or unreadable. */
    static Duration retryAfter(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Duration.ofSeconds(Math.max(0, Long.parseLong(value.strip())));
        } catch (NumberFormatException e) {
            try {
                Instant at = ZonedDateTime.parse(value.strip(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                Duration d = Duration.between(Instant.now(), at);
                return d.isNegative() ? Duration.ZERO : d;
            } catch (DateTimeParseException ignored) {
                return null;
            }
        }
    }

    private UnavailableException unreachable(IOException e) {
        return new UnavailableException("cannot reach the service at " + config.server() + ": " + reason(e), null, e);
    }

    private static String human(Duration d) {
        return d.toMillis() % 1000 != 0 ? d.toMillis() + " ms" : d.toSeconds() + " s";
    }

    /** Why a connection failed, in words rather than exception names. */
    String reason(IOException e) {
        if (e instanceof ConnectException || e instanceof org.apache.hc.client5.http.HttpHostConnectException) {
            return "connection refused (is the service running?)";
        }
        if (e instanceof UnknownHostException) {
            return "unknown host " + e.getMessage();
        }
        if (e instanceof org.apache.hc.client5.http.ConnectTimeoutException) {
            return "no connection within " + human(config.connectTimeout());
        }
        if (e instanceof java.net.SocketTimeoutException) {
            return "no answer within " + human(config.readTimeout()) + " (see --timeout)";
        }
        if (e instanceof org.apache.hc.core5.http.NoHttpResponseException) {
            return "the connection closed without an answer";
        }
        if (e instanceof javax.net.ssl.SSLHandshakeException && String.valueOf(e.getMessage()).contains("PKIX")) {
            return "its certificate is not signed by a CA this machine trusts (for a self-signed certificate or "
                    + "your own CA, give its PEM file with --ca-file FILE or TICKET_CA_FILE)";
        }
        if (e instanceof javax.net.ssl.SSLException) {
            return "TLS failed (" + e.getMessage() + ")";
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    private static Duration elapsed(long startNanos) {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }

    private static void pause(Duration delay) {
        try {
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UnavailableException("interrupted while waiting to retry", null, e);
        }
    }

    @Override
    public synchronized void close() {
        if (http != null) {
            http.close(CloseMode.IMMEDIATE);
        }
    }
}
