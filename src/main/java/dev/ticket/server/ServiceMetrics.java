package dev.ticket.server;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.system.DiskSpaceMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * What {@code GET /metrics} shows, in one Micrometer registry per running service (tests run several services in
 * one JVM, so nothing here is static): requests by route template, method and status with a latency histogram;
 * open event streams and how late events reach them; refusals by reason; the data directory's free disk; and
 * what the store binds (its connection pools, group-commit batch sizes).
 */
public final class ServiceMetrics {
    /** The histogram's upper bounds for request latency. */
    private static final Duration[] LATENCY_BUCKETS = {Duration.ofMillis(1), Duration.ofMillis(5),
        Duration.ofMillis(10), Duration.ofMillis(25), Duration.ofMillis(50), Duration.ofMillis(100),
        Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofMillis(2500),
        Duration.ofSeconds(5), Duration.ofSeconds(10)};

    /** Refusals counted: a stream cap, the write rate, the failed-login throttle, a slow client cut. */
    static final String STREAMS_PER_USER = "too-many-streams";
    static final String STREAMS_FULL = "streams-full";
    static final String WRITE_RATE = "rate-limited";
    static final String AUTH_THROTTLE = "too-many-failures";
    static final String SLOW_REQUEST = "request-timeout";
    static final String SLOW_STREAM = "slow-stream-reader";
    private static final List<String> REASONS = List.of(STREAMS_PER_USER, STREAMS_FULL, WRITE_RATE, AUTH_THROTTLE,
            SLOW_REQUEST, SLOW_STREAM);

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final Timer eventLag;

    public ServiceMetrics() {
        for (String reason : REASONS) {   // every reason shows, at 0 until it happens
            rejections(reason);
        }
        eventLag = Timer.builder("ticket.events.delivery.lag")
                .description("From an event's commit until it is queued on the event streams that see it")
                .serviceLevelObjectives(LATENCY_BUCKETS)
                .register(registry);
    }

    /** The registry the store and caches bind their meters to. */
    public MeterRegistry registry() {
        return registry;
    }

    /** Free and total disk of the data directory. */
    void disk(Path dataDir) {
        new DiskSpaceMetrics(dataDir.toFile()).bindTo(registry);
    }

    /** A gauge read from {@code source} at each scrape. */
    <T> void gauge(String name, String description, T source, ToDoubleFunction<T> value) {
        Gauge.builder(name, source, value).description(description).register(registry);
    }

    /** An answered request; {@code route} is its template (a bounded set of values), never the path asked for. */
    void request(String method, String route, int status, long nanos) {
        Timer.builder("http.server.requests")
                .description("Requests answered, by route template, method and status")
                .tag("route", route).tag("method", method).tag("status", Integer.toString(status))
                .serviceLevelObjectives(LATENCY_BUCKETS)
                .register(registry)
                .record(Duration.ofNanos(nanos));
    }

    /** A request refused or cut for {@code reason} (one of the reasons above). */
    void rejected(String reason) {
        rejections(reason).increment();
    }

    private Counter rejections(String reason) {
        return Counter.builder("ticket.requests.rejected")
                .description("Requests refused or cut: stream caps, write rate, failed-login throttle, slow clients")
                .tag("reason", reason).register(registry);
    }

    /** An event reached the streams' queues {@code lag} after its commit. */
    void eventDelivered(Duration lag) {
        eventLag.record(lag.isNegative() ? Duration.ZERO : lag);
    }

    static final String TEXT = "text/plain; version=0.0.4; charset=utf-8";
    static final String OPEN_METRICS = "application/openmetrics-text; version=1.0.0; charset=utf-8";
    static final String PROTOBUF = "application/vnd.google.protobuf; proto=io.prometheus.client.MetricFamily; "
            + "encoding=delimited";

    /** The format to answer {@code accept} with: Prometheus text unless OpenMetrics or protobuf is asked for. */
    static String contentType(String accept) {
        String asked = accept == null ? "" : accept;
        return asked.contains("application/vnd.google.protobuf") ? PROTOBUF
                : asked.contains("application/openmetrics-text") ? OPEN_METRICS : TEXT;
    }

    /** Writes the exposition in {@code contentType} (one of {@link #contentType}'s). */
    void scrape(OutputStream out, String contentType) throws IOException {
        registry.scrape(out, contentType);
    }
}
