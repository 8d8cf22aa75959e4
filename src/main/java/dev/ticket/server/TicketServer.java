package dev.ticket.server;

import com.github.benmanes.caffeine.cache.Cache;
import com.fasterxml.jackson.core.JsonProcessingException;
import dev.ticket.model.Json;
import dev.ticket.model.Ticket;
import dev.ticket.model.TicketPage;
import dev.ticket.service.AccountService;
import dev.ticket.service.Backups;
import dev.ticket.service.Caller;
import dev.ticket.service.EventFeed;
import dev.ticket.service.ServiceException;
import dev.ticket.service.StoreFailures;
import dev.ticket.service.TicketService;
import io.javalin.Javalin;
import io.javalin.compression.CompressionStrategy;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpResponseException;
import io.javalin.json.JavalinJackson;
import io.javalin.util.JavalinBindException;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import java.net.BindException;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.eclipse.jetty.http.HttpException;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.http.MetaData;
import org.eclipse.jetty.http2.server.HTTP2CServerConnectionFactory;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.jdbi.v3.core.JdbiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The HTTP side of {@code ticket serve}: routes, authentication, problem details, logs, shutdown. */
public final class TicketServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger("ticket.http");
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(10);

    private final Javalin app;
    private final StreamHub events;
    private final List<Route> routes;
    private final DrainingHandler drain;
    private final MetricsEndpoint metrics;
    private final Map<String, Cache<?, ?>> caches;

    private TicketServer(Javalin app, StreamHub events, List<Route> routes, DrainingHandler drain,
                         MetricsEndpoint metrics, Map<String, Cache<?, ?>> caches) {
        this.app = app;
        this.events = events;
        this.routes = routes;
        this.drain = drain;
        this.metrics = metrics;
        this.caches = caches;
    }

    /**
     * This server's caches by name (the services' reads, the tickets' JSON), each recording its statistics, which
     * the metrics show as {@code cache_gets_total{cache=NAME,result=hit|miss}}.
     */
    public Map<String, Cache<?, ?>> caches() {
        return caches;
    }

    static final int INPUT_BUFFER = 64 * 1024;

    /** Builds the routes over the services and starts listening; a {@link BindException} when the port is taken. */
    public static TicketServer start(ServerSettings settings, EventFeed feed, BooleanSupplier storeReady,
                                     TicketService tickets, AccountService accounts, Backups backups, Clock clock,
                                     ServiceMetrics metrics) throws BindException {
        StreamHub events = new StreamHub(feed, settings.streams(), metrics);
        accounts.onTokensRevoked(events::endUser);
        JsonBodies<Ticket> bodies = new JsonBodies<>();
        JsonBodies<TicketPage> pages = new JsonBodies<>();
        Map<String, Cache<?, ?>> caches = new LinkedHashMap<>(tickets.caches());
        caches.putAll(accounts.caches());
        caches.put("ticket-json", bodies.cache());
        caches.put("page-json", pages.cache());
        caches.forEach((name, cache) -> CaffeineCacheMetrics.monitor(metrics.registry(), cache, name));
        MetricsEndpoint scrape = new MetricsEndpoint(metrics);
        DownloadSlots downloads = new DownloadSlots();
        List<Route> routes = Routes.table(new TicketHandlers(tickets, accounts, settings.hours(), clock, bodies, pages,
                        downloads),
                new AdminHandlers(accounts, backups), new EventStream(feed), new Probes(storeReady,
                        List.of(settings.dataDir(), tickets.attachments().tempDir()),
                        settings.guards().minFreeSpace()), scrape);
        DrainingHandler drain = new DrainingHandler();
        Gatekeeper gate = new Gatekeeper(accounts, settings.guards());
        RequestLog log = new RequestLog(settings.requestLog(), metrics);
        // Event streams are served in front of Javalin, without a thread each; Javalin goes inside this handler.
        EventsHandler streams = new EventsHandler(events, accounts, feed, log, gate);
        Javalin app = Javalin.create(config -> {
            configure(config, settings, routes, drain, gate, streams, log, metrics);
            config.jetty.modifyServer(server -> downloads.sizeFor(server.getThreadPool()));
        });
        try {
            app.start(settings.bind(), settings.port());
        } catch (JavalinBindException e) {
            app.stop();
            events.close();
            BindException taken = new BindException(e.getMessage());
            taken.initCause(e);
            throw taken;
        }
        return new TicketServer(app, events, routes, drain, scrape, java.util.Collections.unmodifiableMap(caches));
    }

    private static void configure(JavalinConfig config, ServerSettings settings, List<Route> routes,
                                  DrainingHandler drain, Gatekeeper gate, EventsHandler streams, RequestLog log,
                                  ServiceMetrics metrics) {
        config.startup.showJavalinBanner = false;
        config.startup.showOldJavalinVersionWarning = false;
        config.jsonMapper(new JavalinJackson(Json.mapper(), false));
        config.http.maxRequestSize = Requests.MAX_JSON_BYTES;
        config.http.prefer405over404 = true;
        // Large uploads come in as socket reads of this size: Jetty's default 8 KiB meant 131,072 reads and
        // parser calls per GiB. 64 KiB is the largest buffer Jetty's default pool keeps for reuse.
        config.jetty.modifyHttpConfiguration(http -> http.setInputBufferSize(INPUT_BUFFER));
        // Responses are small JSON documents and streamed files; compressing them costs more CPU than it saves on
        // loopback and LANs, and a TLS-terminating proxy in front can compress for the internet.
        config.http.compressionStrategy = CompressionStrategy.NONE;
        if (settings.tls() != null) {   // HTTPS instead of Javalin's plain connector
            config.jetty.addConnector((server, http) -> settings.tls().connector(server, http, settings.bind(),
                    settings.port()));
        } else {
            config.jetty.addConnector((server, http) -> plainConnector(server, http, settings.bind(), settings.port()));
        }
        // multipart bodies are streamed by MultipartReceiver, not Javalin's buffered parts
        config.jetty.modifyServer(server -> {
            // close() drains first; Jetty's own graceful wait would also wait out idle keep-alive connections.
            server.setStopTimeout(0);
            // outermost: every answer, whichever handler writes it, carries the request's id
            RequestIds ids = new RequestIds();
            server.setHandler(ids);
            ids.setHandler(drain);
            // inside the drain: slow headers and bodies are cut; then event streams, then the routes Javalin attaches
            SlowClients slow = new SlowClients(settings.guards().headerTimeout(), settings.guards().minBodyRate(),
                    () -> metrics.rejected(ServiceMetrics.SLOW_REQUEST));
            drain.setHandler(slow);
            slow.setHandler(streams);
            server.setErrorHandler(new JettyProblems());
        });
        config.jetty.modifyServletContextHandler(context -> context.setErrorHandler(new ServletProblems()));
        for (Route route : routes) {
            Handler handler = guarded(route, gate);
            if (route.method().equals(HandlerType.GET)) {
                config.routes.get(route.path(), handler);
                // Without its own HEAD route Javalin answers HEAD with an empty 200, skipping the token check.
                config.routes.head(route.path(), handler);
            } else if (route.method().equals(HandlerType.POST)) {
                config.routes.post(route.path(), handler);
            } else if (route.method().equals(HandlerType.PUT)) {
                config.routes.put(route.path(), handler);
            } else if (route.method().equals(HandlerType.DELETE)) {
                config.routes.delete(route.path(), handler);
            } else {
                throw new IllegalStateException("no registration for " + route.method());
            }
        }
        config.routes.exception(ServiceException.class, Problems::service);
        config.routes.exception(Problems.Answered.class, (e, ctx) -> { });
        config.routes.exception(JsonProcessingException.class, Problems::json);
        config.routes.exception(HttpResponseException.class, TicketServer::httpError);
        config.routes.exception(Exception.class, TicketServer::unexpected);
        config.routes.error(404, "*", ctx -> unlessProblem(ctx, 404, "not-found", "Not found",
                "There is no " + ctx.method() + " " + Requests.printable(ctx.path()) + " in this API."));
        config.routes.error(405, "*", ctx -> {
            ctx.header("Allow", Route.allowed(routes, ctx.path()));
            unlessProblem(ctx, 405, "method-not-allowed", "Method not allowed",
                    ctx.method() + " is not allowed on " + Requests.printable(ctx.path()) + ".");
        });
        // the request log and the request metrics: the client address, never a token (nor the Authorization header)
        config.requestLogger.http((ctx, ms) -> log.finished(ctx, ms, gate));
    }

    /**
     * Plain HTTP on {@code host:port}: HTTP/1.1 and, on the same port, HTTP/2 cleartext (h2c, by prior knowledge),
     * where many event streams share one connection and a reply to all of them is written
     * with one system call per connection instead of one per stream.
     */
    private static Connector plainConnector(Server server, HttpConfiguration http, String host, int port) {
        ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(http),
                new PriorKnowledgeH2c(http));
        connector.setHost(host);
        connector.setPort(port);
        return connector;
    }

    /**
     * h2c by prior knowledge only. A request that asks to switch with {@code Upgrade: h2c} (the JDK's HTTP client
     * does by default) goes on as HTTP/1.1: Jetty would hold back a body sent with it until the switch, and an
     * upload must stream to disk as it arrives.
     */
    private static final class PriorKnowledgeH2c extends HTTP2CServerConnectionFactory {
        PriorKnowledgeH2c(HttpConfiguration http) {
            super(http);
        }

        @Override
        public org.eclipse.jetty.io.Connection upgradeConnection(Connector connector, EndPoint endPoint,
                                                                 MetaData.Request request, HttpFields.Mutable response) {
            return HttpMethod.PRI.is(request.getMethod())
                    ? super.upgradeConnection(connector, endPoint, request, response) : null;
        }
    }

    private static Handler guarded(Route route, Gatekeeper gate) {
        if (route.access() == Access.PUBLIC) {
            return route.handler();
        }
        return ctx -> gate.request(() -> {
            Caller caller = gate.admit(ctx);
            if (route.access() == Access.ADMIN && !caller.admin()) {
                throw new ServiceException(ServiceException.Kind.FORBIDDEN, "Only admins manage users, tokens and backups.");
            }
            ctx.attribute(Requests.CALLER, caller);
            route.handler().handle(ctx);
        });
    }

    private static void unlessProblem(Context ctx, int status, String type, String title, String detail) {
        String contentType = ctx.res().getContentType();
        if (contentType == null || !contentType.startsWith(Problems.CONTENT_TYPE)) {
            Problems.send(ctx, status, type, title, detail);
        }
    }

    private static void httpError(HttpResponseException e, Context ctx) {
        Problems.send(ctx, Problems.forStatus(e.getStatus(), ctx.method().name(), ctx.path(), e.getMessage()));
    }

    private static void unexpected(Exception e, Context ctx) {
        if (GuardedBody.isTooSlow(e)) {
            ctx.header("Connection", "close");
            Problems.send(ctx, Problems.forStatus(408, ctx.method().name(), ctx.path(), null));
            return;
        }
        if (StoreFailures.diskFull(e)) {
            LOG.warn("out of disk space on {} {}: {}", ctx.method(), ctx.path(), e.getMessage());
            Problems.service(ServiceException.diskFull(), ctx);
            return;
        }
        if (StoreFailures.unavailable(e) || e instanceof JdbiException) {
            LOG.warn("database error on {} {}: {}", ctx.method(), ctx.path(), e.getMessage());
            Problems.send(ctx, 503, "unavailable", "Service unavailable",
                    "The ticket database is not answering; try again shortly.");
            return;
        }
        HttpException http = HttpException.asHttpException(e);
        if (http != null && http.getCode() >= 400 && http.getCode() < 500) {
            Problems.send(ctx, Requests.isMultipart(ctx) && http.getCode() == 400 ? Problems.multipart(e, ctx.path())
                    : Problems.forStatus(http.getCode(), ctx.method().name(), ctx.path(), http.getReason()));
            return;
        }
        if (e instanceof IllegalStateException && String.valueOf(e.getMessage()).contains("exceeds")) {
            Problems.send(ctx, 413, "too-large", "Too large", "A file is larger than this service accepts.");
            return;
        }
        LOG.error("unexpected error on {} {}", ctx.method(), ctx.path(), e);
        Problems.send(ctx, 500, "internal", "Internal error", "Something went wrong on the service; it is logged.");
    }

    /** Serves {@code GET /metrics} without a token on 127.0.0.1:{@code port} (0: any); returns the port bound. */
    public int serveMetricsOnLoopback(int port) throws java.io.IOException {
        return metrics.listenOnLoopback(port);
    }

    /** The port actually bound (useful with port 0). */
    public int port() {
        return app.port();
    }

    public List<Route> routes() {
        return routes;
    }

    /** Ends event streams, stops accepting, finishes requests in flight (up to 10 s), then stops. */
    @Override
    public void close() {
        metrics.close();
        events.close();
        if (!drain.drain(STOP_TIMEOUT)) {
            LOG.warn("stopping with {} requests still in flight after {} s", drain.inFlight(),
                    STOP_TIMEOUT.toSeconds());
        }
        app.stop();
    }
}
