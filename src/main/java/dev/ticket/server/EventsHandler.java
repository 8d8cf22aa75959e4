package dev.ticket.server;

import dev.ticket.model.Problem;
import dev.ticket.service.AccountService;
import dev.ticket.service.Caller;
import dev.ticket.service.EventFeed;
import dev.ticket.service.ServiceException;
import java.io.IOException;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.NetworkChannel;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.http.HttpVersion;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.io.EofException;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.BufferUtil;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves {@code GET /api/v1/events} as a plain Jetty handler in front of Javalin: the request thread checks
 * the token and the caller's slot, hands the open stream to the {@link StreamHub} and returns. Anything it
 * cannot serve (another path, {@code HEAD}, a request to refuse) goes on to Javalin, whose route gives the
 * same problem answers as everywhere else. Refusals by the stream caps are answered here.
 */
final class EventsHandler extends Handler.Wrapper {
    static final String PATH = Routes.API + "/events";
    static final String CONTENT_TYPE = "text/event-stream; charset=utf-8";
    private static final int KERNEL_SEND_BUFFER = 64 * 1024;
    private static final Logger LOG = LoggerFactory.getLogger("ticket.http");

    private final StreamHub hub;
    private final AccountService accounts;
    private final EventFeed feed;
    private final RequestLog requestLog;
    private final Gatekeeper gate;

    EventsHandler(StreamHub hub, AccountService accounts, EventFeed feed, RequestLog requestLog, Gatekeeper gate) {
        this.hub = hub;
        this.accounts = accounts;
        this.feed = feed;
        this.requestLog = requestLog;
        this.gate = gate;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        long started = System.nanoTime();
        boolean h2 = request.getConnectionMetaData().getHttpVersion() == HttpVersion.HTTP_2;
        if (!HttpMethod.GET.is(request.getMethod()) || !PATH.equals(Request.getPathInContext(request))) {
            if (h2) {
                // The routes write with blocking writes, and an HTTP/2 client that grants no flow-control window
                // would hold each one's thread: a few hundred such streams stopped the API. HTTP/2 is here for
                // event streams, which need no thread; the rest is answered without one.
                refuse(request, response, callback, new Problem("http-version-not-supported",
                        "HTTP version not supported", 505, "HTTP/2 here carries event streams (GET " + PATH
                        + ") only; send other requests over HTTP/1.1.", Requests.printable(
                                Request.getPathInContext(request))));
                requestLog.finished(request.getMethod(), Request.getPathInContext(request), "unmatched", 505,
                        System.nanoTime() - started, null, gate.address(Request.getRemoteAddr(request),
                                request.getHeaders().get(HttpHeader.FORWARDED),
                                request.getHeaders().get(HttpHeader.X_FORWARDED_FOR)), RequestIds.of(request));
                return true;
            }
            return super.handle(request, response, callback);
        }
        String token = Gatekeeper.bearer(request.getHeaders().get(HttpHeader.AUTHORIZATION));
        String address = gate.address(Request.getRemoteAddr(request), request.getHeaders().get(HttpHeader.FORWARDED),
                request.getHeaders().get(HttpHeader.X_FORWARDED_FOR));
        if (gate.throttled(address, token)) {
            if (h2) {
                return refuse(request, response, callback, gate.refusal(address, token), started, address);
            }
            return super.handle(request, response, callback); // the route's gate answers 429 too-many-failures
        }
        long revocations = hub.revocations();
        Caller caller;
        Long ticketId;
        long last;
        try {
            caller = accounts.authenticate(token);
            Fields query = Request.extractQueryParameters(request);
            ticketId = EventStream.ticketFilter(query.getValue("ticket"));
            if (ticketId != null) {
                feed.checkVisible(caller, ticketId);
            }
            last = EventStream.resumeFrom(request.getHeaders().get("Last-Event-ID"), query.getValue("after"), feed);
        } catch (ServiceException e) {
            if (h2) { // answered here, without a blocking write; counted as the routes count it
                gate.failed(address, token, e);
                return refuse(request, response, callback, e, started, address);
            }
            return super.handle(request, response, callback); // Javalin's route answers (and counts) the refusal
        } catch (RuntimeException e) {
            return super.handle(request, response, callback);
        }
        gate.succeeded(address, token);
        StreamSettings limits = hub.settings();
        if (hub.admit(caller) != StreamHub.Refusal.NONE) {
            refuse(request, response, callback, new Problem("unavailable", "Service unavailable", 503,
                    "The service holds as many event streams as it may (" + limits.total() + "); try again shortly.",
                    PATH));
            requestLog.rejected(ServiceMetrics.STREAMS_FULL);
            log(request, caller, 503, started, address);
            return true;
        }
        SseConnection stream = new SseConnection(caller, ticketId, last,
                h2 ? request.getConnectionMetaData().getConnection() : null, response, callback,
                limits.maxUnsentBytes(), hub::closed);
        stream.onCut(() -> requestLog.rejected(ServiceMetrics.SLOW_STREAM));
        if (!hub.register(stream)) {
            refuse(request, response, callback, new Problem("too-many-streams", "Too many event streams", 429,
                    "You have " + limits.perUser() + " event streams open, the most one user may; close one "
                            + "(ticket wait, chat views) or try again later.", PATH));
            requestLog.rejected(ServiceMetrics.STREAMS_PER_USER);
            log(request, caller, 429, started, address);
            return true;
        }
        if (hub.revocations() != revocations && !stillValid(token)) {
            // The user's tokens were revoked while this stream was being set up, before the hub could end it.
            stream.discard();
            if (h2) {
                return refuse(request, response, callback, new ServiceException(ServiceException.Kind.UNAUTHORIZED,
                        "The token is not valid or was revoked; log in again with ticket login."), started, address);
            }
            return super.handle(request, response, callback);
        }
        response.setStatus(200);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, CONTENT_TYPE);
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
        response.getHeaders().put("X-Accel-Buffering", "no");
        request.addFailureListener(stream::abort); // HTTP/2: the client reset the stream, or its connection is gone
        if (!h2) {
            // HTTP/1.1: the connection is the stream's alone and ends with it, which leaves reading it to watchClose.
            response.getHeaders().put(HttpHeader.CONNECTION, "close");
            EndPoint endPoint = request.getConnectionMetaData().getConnection().getEndPoint();
            limitKernelBuffer(endPoint);
            watchClose(endPoint, stream);
        }
        stream.offer(ByteBuffer.wrap(("retry: 1000\n: last event " + last + "\n\n").getBytes(StandardCharsets.UTF_8)));
        hub.start(stream);
        log(request, caller, 200, started, address);
        return true;
    }

    /**
     * Caps what the kernel buffers for a stream's client: loopback and LAN sockets grow their send buffers to
     * megabytes, which a client that stops reading would otherwise pin before the unsent bound even starts.
     */
    private static void limitKernelBuffer(EndPoint endPoint) {
        if (endPoint.getTransport() instanceof NetworkChannel channel) {
            try {
                channel.setOption(StandardSocketOptions.SO_SNDBUF, KERNEL_SEND_BUFFER);
            } catch (IOException | UnsupportedOperationException e) {
                // the kernel's default then
            }
        }
    }

    /**
     * Frees the slot as soon as the client closes its connection. Jetty does not read an HTTP/1.1 connection
     * while its request is being answered, so a client that left would be noticed only at the next write (a
     * keep-alive, up to 15 s later); this waits for the connection to become readable: the end of input (or
     * anything else a stream client sends) ends the stream.
     */
    private static void watchClose(EndPoint endPoint, SseConnection stream) {
        boolean watching = endPoint.tryFillInterested(Callback.from(() -> {
            try {
                int read = endPoint.fill(BufferUtil.allocate(64));
                if (read == 0 && !stream.isClosed()) {
                    watchClose(endPoint, stream);
                    return;
                }
            } catch (IOException | RuntimeException e) {
                // closed: ends the stream below
            }
            stream.abort(new EofException("the client closed the event stream"));
        }, stream::abort));
        if (!watching) {
            LOG.debug("cannot watch an event stream's connection for its close");
        }
    }

    private boolean stillValid(String token) {
        try {
            accounts.authenticate(token);
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static void refuse(Request request, Response response, Callback callback, Problem refusal) {
        Problem problem = refusal.withRequestId(RequestIds.of(request));
        response.setStatus(problem.status());
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, Problems.CONTENT_TYPE);
        if (problem.status() == 429 || problem.status() == 503) {
            response.getHeaders().put(HttpHeader.RETRY_AFTER, Long.toString(StreamSettings.RETRY_AFTER_SECONDS));
        }
        response.write(true, ByteBuffer.wrap(Problems.bytes(problem)), callback);
    }

    /** An HTTP/2 refusal the routes would give, answered here (no thread waits on its write); logged. */
    private boolean refuse(Request request, Response response, Callback callback, ServiceException e, long started,
                           String address) {
        Problem problem = Problems.of(e, PATH).withRequestId(RequestIds.of(request));
        response.setStatus(problem.status());
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, Problems.CONTENT_TYPE);
        if (e.retryAfterSeconds() > 0) {
            response.getHeaders().put(HttpHeader.RETRY_AFTER, Long.toString(e.retryAfterSeconds()));
        }
        if (e.kind() == ServiceException.Kind.UNAUTHORIZED) {
            response.getHeaders().put(HttpHeader.WWW_AUTHENTICATE, "Bearer");
        }
        response.write(true, ByteBuffer.wrap(Problems.bytes(problem)), callback);
        requestLog.finished("GET", PATH, PATH, problem.status(), System.nanoTime() - started, null, address,
                RequestIds.of(request));
        return true;
    }

    private void log(Request request, Caller caller, int status, long started, String address) {
        requestLog.finished("GET", PATH, PATH, status, System.nanoTime() - started, caller.userId(), address,
                RequestIds.of(request));
    }
}
