package dev.ticket.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ticket.model.NewTicket;
import dev.ticket.model.Role;
import dev.ticket.model.Ticket;
import dev.ticket.testing.ApiClient;
import dev.ticket.testing.TestService;
import io.prometheus.metrics.expositionformats.generated.com_google_protobuf_4_35_0.Metrics.LabelPair;
import io.prometheus.metrics.expositionformats.generated.com_google_protobuf_4_35_0.Metrics.Metric;
import io.prometheus.metrics.expositionformats.generated.com_google_protobuf_4_35_0.Metrics.MetricFamily;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /metrics} after real traffic: the counts are what was sent. The exposition is read by the
 * Prometheus client's own parser of its protobuf format (the Java client has none for the text format), and the
 * text format is checked to be what a scraper asks for by default.
 */
class MetricsTest {
    static final String PROTOBUF = "application/vnd.google.protobuf; proto=io.prometheus.client.MetricFamily; "
            + "encoding=delimited";

    @Test
    void request_counts_by_route_and_status_match_the_traffic_sent() throws Exception {
        try (TestService service = TestService.start()) {
            ApiClient olga = new ApiClient(service.url(), service.addUser("Olga", Role.CUSTOMER, "acme").token());
            Ticket t = olga.post("/tickets", new NewTicket("Counted", "one", null, null, null, null, null, null))
                    .expect(201).as(Ticket.class);
            for (int i = 0; i < 7; i++) {
                olga.get("/tickets/" + t.id()).expect(200);
            }
            for (int i = 0; i < 3; i++) {
                olga.get("/tickets/" + (t.id() + 1000 + i)).expect(404);
            }
            olga.get("/no/such/route").expect(404);

            Map<String, MetricFamily> families = scrape(service.url(), service.adminToken());
            MetricFamily requests = families.get("http_server_requests_seconds");
            assertNotNull(requests, families.keySet().toString());
            assertEquals(7, count(requests, "GET", "/api/v1/tickets/{id}", "200"));
            assertEquals(3, count(requests, "GET", "/api/v1/tickets/{id}", "404"));
            assertEquals(1, count(requests, "POST", "/api/v1/tickets", "201"));
            // a path no route matches is one bounded label, never the path itself
            assertEquals(1, count(requests, "GET", RequestLog.UNMATCHED, "404"));
            assertTrue(requests.getMetricList().stream().allMatch(m -> m.getHistogram().getBucketCount() >= 10),
                    "latency histograms");

            assertTrue(families.containsKey("ticket_events_streams_open"), families.keySet().toString());
            assertTrue(families.containsKey("ticket_events_delivery_lag_seconds"), families.keySet().toString());
            assertTrue(families.containsKey("ticket_store_group_commit_batch_writes"), families.keySet().toString());
            assertTrue(families.get("ticket_store_group_commit_batch_writes").getMetric(0).getSummary()
                    .getSampleCount() >= 2, "the user and the ticket were written");
            assertTrue(families.containsKey("hikaricp_connections_active"), families.keySet().toString());
            assertTrue(families.get("disk_free_bytes").getMetric(0).getGauge().getValue() > 0);
            assertEquals(0.0, rejected(families, ServiceMetrics.WRITE_RATE));
            // the same ticket read 7 times: the read cache served at least the later reads
            assertTrue(cache(families, "tickets", "hit") >= 5, "ticket cache hits");
            assertTrue(cache(families, "tickets", "miss") >= 1, "ticket cache misses");

            HttpResponse<String> text = get(service.url() + "/metrics", service.adminToken(), null);
            assertEquals(200, text.statusCode());
            assertTrue(text.headers().firstValue("Content-Type").orElse("").startsWith("text/plain; version=0.0.4"));
            assertTrue(text.body().contains("# TYPE http_server_requests_seconds histogram"), text.body());
        }
    }

    @Test
    void refusals_are_counted_by_reason() throws Exception {
        try (TestService service = TestService.start(s -> s.withGuards(s.guards().withWritesPerMinute(2)))) {
            ApiClient olga = new ApiClient(service.url(), service.addUser("Olga", Role.CUSTOMER, "acme").token());
            int refused = 0;
            for (int i = 0; i < 5; i++) {
                int status = olga.post("/tickets", new NewTicket("n" + i, "b", null, null, null, null, null, null))
                        .status();
                refused += status == 429 ? 1 : 0;
            }
            assertTrue(refused >= 2, "refused " + refused);
            assertEquals(refused, rejected(scrape(service.url(), service.adminToken()), ServiceMetrics.WRITE_RATE));
        }
    }

    @Test
    void only_admins_read_metrics_on_the_api_port() throws Exception {
        try (TestService service = TestService.start()) {
            String customer = service.addUser("Olga", Role.CUSTOMER, "acme").token();
            String agent = service.addUser("Sam", Role.AGENT, null).token();
            assertEquals(401, get(service.url() + "/metrics", null, null).statusCode());
            assertEquals(401, get(service.url() + "/metrics", "tkt_wrong", null).statusCode());
            assertEquals(403, get(service.url() + "/metrics", customer, null).statusCode());
            HttpResponse<String> agents = get(service.url() + "/metrics", agent, null);
            assertEquals(403, agents.statusCode());
            assertFalse(agents.body().contains("http_server_requests"), agents.body());
            assertEquals(200, get(service.url() + "/metrics", service.adminToken(), null).statusCode());
        }
    }

    @Test
    void services_in_one_jvm_keep_their_own_counts() throws Exception {
        try (TestService a = TestService.start(); TestService b = TestService.start()) {
            for (int i = 0; i < 4; i++) {
                a.admin().get("/me").expect(200);
            }
            b.admin().get("/me").expect(200);
            assertEquals(4, count(scrape(a.url(), a.adminToken()).get("http_server_requests_seconds"), "GET",
                    "/api/v1/me", "200"));
            assertEquals(1, count(scrape(b.url(), b.adminToken()).get("http_server_requests_seconds"), "GET",
                    "/api/v1/me", "200"));
        }
    }

    /** The metrics as the Prometheus protobuf exposition, parsed by the Prometheus client's generated parser. */
    static Map<String, MetricFamily> scrape(String url, String token) throws IOException, InterruptedException {
        HttpResponse<byte[]> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url
                        + "/metrics")).header("Authorization", "Bearer " + token).header("Accept", PROTOBUF).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, answer.statusCode());
        assertTrue(answer.headers().firstValue("Content-Type").orElse("").startsWith("application/vnd.google.protobuf"));
        Map<String, MetricFamily> families = new HashMap<>();
        try (InputStream in = new ByteArrayInputStream(answer.body())) {
            for (MetricFamily f; (f = MetricFamily.parseDelimitedFrom(in)) != null; ) {
                families.put(f.getName(), f);
            }
        }
        return families;
    }

    static HttpResponse<String> get(String url, String token, String accept) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        if (accept != null) {
            b.header("Accept", accept);
        }
        return HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    static long count(MetricFamily requests, String method, String route, String status) {
        return requests.getMetricList().stream()
                .filter(m -> label(m, "method").equals(method) && label(m, "route").equals(route)
                        && label(m, "status").equals(status))
                .mapToLong(m -> m.getHistogram().getSampleCount()).sum();
    }

    static double rejected(Map<String, MetricFamily> families, String reason) {
        MetricFamily f = families.containsKey("ticket_requests_rejected_total")
                ? families.get("ticket_requests_rejected_total") : families.get("ticket_requests_rejected");
        assertNotNull(f, families.keySet().toString());
        return f.getMetricList().stream().filter(m -> label(m, "reason").equals(reason))
                .mapToDouble(m -> m.getCounter().getValue()).sum();
    }

    static double cache(Map<String, MetricFamily> families, String cache, String result) {
        MetricFamily f = families.containsKey("cache_gets_total")
                ? families.get("cache_gets_total") : families.get("cache_gets");
        assertNotNull(f, families.keySet().toString());
        return f.getMetricList().stream().filter(m -> label(m, "cache").equals(cache)
                && label(m, "result").equals(result)).mapToDouble(m -> m.getCounter().getValue()).sum();
    }

    private static String label(Metric m, String name) {
        return m.getLabelList().stream().filter(l -> l.getName().equals(name)).map(LabelPair::getValue)
                .findFirst().orElse("");
    }
}
