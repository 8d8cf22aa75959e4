package dev.ticket.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ticket.model.Json;
import dev.ticket.testing.ApiClient;
import dev.ticket.testing.RawHttp;
import dev.ticket.testing.TestService;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Every answer names its request in X-Request-Id (SPEC 7.5): kept when sane, else generated; problems repeat it. */
class RequestIdTest {
    private static final String GENERATED = "[0-9a-f]{16}";
    @RegisterExtension
    static final TestService service = TestService.perClass();
    final ApiClient admin = service.admin();

    @Test
    void a_sane_id_sent_comes_back_unchanged() {
        String sent = "web-7f3a:2026.12_06";
        ApiClient.Reply me = admin.raw("GET", "/me", null, null, Map.of("X-Request-Id", sent));
        assertEquals(200, me.status(), me.body());
        assertEquals(sent, me.header("X-Request-Id"));
        String longest = "a".repeat(128);
        assertEquals(longest, admin.raw("GET", "/me", null, null, Map.of("X-Request-Id", longest))
                .header("X-Request-Id"));
    }

    @Test
    void an_insane_id_is_replaced_and_never_echoed() {
        for (String insane : new String[] {"a".repeat(129), "<script>alert(1)</script>", "two words", "semi;colon", ""}) {
            ApiClient.Reply reply = admin.raw("GET", "/tickets/999999", null, null, Map.of("X-Request-Id", insane));
            assertEquals(404, reply.status(), reply.body());
            String id = reply.header("X-Request-Id");
            assertTrue(id.matches(GENERATED), insane + " -> " + id);
            assertNotEquals(insane, id);
            assertEquals(id, reply.json().get("request_id").asText(), reply.body());
            if (!insane.isEmpty()) {
                assertFalse(reply.body().contains(insane), reply.body());
            }
        }
    }

    @Test
    void generated_ids_are_unique() {
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            String id = admin.get("/me").expect(200).header("X-Request-Id");
            assertTrue(id.matches(GENERATED), id);
            ids.add(id);
        }
        assertEquals(200, ids.size());
    }

    @Test
    void problem_documents_carry_the_id_of_the_header() {
        ApiClient.Reply notFound = admin.get("/tickets/424242");
        assertEquals(404, notFound.status());
        assertEquals(notFound.header("X-Request-Id"), notFound.json().get("request_id").asText());

        ApiClient.Reply unauthenticated = new ApiClient(service.url(), "wrong").raw("GET", "/me", null, null,
                Map.of("X-Request-Id", "cli-1"));
        assertEquals(401, unauthenticated.status());
        assertEquals("cli-1", unauthenticated.header("X-Request-Id"));
        assertEquals("cli-1", unauthenticated.json().get("request_id").asText());

        ApiClient.Reply badJson = admin.raw("POST", "/tickets", "application/json", "{".getBytes(), Map.of(
                "X-Request-Id", "cli-2"));
        assertEquals(400, badJson.status());
        assertEquals("cli-2", badJson.json().get("request_id").asText());

        ApiClient.Reply noRoute = admin.raw("GET", "/nowhere", null, null, Map.of("X-Request-Id", "cli-3"));
        assertEquals(404, noRoute.status());
        assertEquals("cli-3", noRoute.header("X-Request-Id"));
        assertEquals("cli-3", noRoute.json().get("request_id").asText());
    }

    @Test
    void jettys_own_refusals_and_the_probes_carry_an_id_too() throws Exception {
        // a URI over Jetty's limit is refused before any route runs
        RawHttp.Answer tooLong = RawHttp.get(service.url(), null, "/api/v1/tickets?q=" + "x".repeat(9000),
                Map.of("X-Request-Id", "raw-1"));
        assertEquals(414, tooLong.status(), tooLong.body());
        String id = tooLong.header("X-Request-Id");
        assertTrue(id != null && (id.equals("raw-1") || id.matches(GENERATED)), String.valueOf(id));
        assertEquals(id, Json.mapper().readTree(tooLong.body()).get("request_id").asText());

        ApiClient.Reply health = admin.raw("GET", service.url() + "/healthz", null, null,
                Map.of("X-Request-Id", "probe-1"));
        assertEquals(200, health.status());
        assertEquals("probe-1", health.header("X-Request-Id"));
    }

    @Test
    void an_event_stream_answers_with_the_id() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest request = HttpRequest.newBuilder(URI.create(service.url() + "/api/v1/events"))
                .header("Authorization", "Bearer " + service.adminToken()).header("X-Request-Id", "stream-1")
                .timeout(Duration.ofSeconds(10)).build();
        HttpResponse<InputStream> stream = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream body = stream.body()) {
            assertEquals(200, stream.statusCode());
            assertEquals("stream-1", stream.headers().firstValue("X-Request-Id").orElse(null));
        }
    }
}
