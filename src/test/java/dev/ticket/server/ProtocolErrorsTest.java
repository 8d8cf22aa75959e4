package dev.ticket.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ticket.model.Json;
import dev.ticket.testing.ApiClient;
import dev.ticket.testing.OpenApiContract;
import dev.ticket.testing.RawHttp;
import dev.ticket.testing.RecordingProxy;
import dev.ticket.testing.TestService;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Refusals decided by HTTP itself, before any route, are problem details like the API's own (SPEC 7.1): an HTTP
 * version the service does not speak (505), a method the path does not take (405), a URI or headers over the
 * limit (414, 431), conflicting framing (400). 408 is in {@link SlowClientsTest}.
 */
class ProtocolErrorsTest {
    @RegisterExtension
    static final TestService service = TestService.perClass();

    static JsonNode problem(String request, int status, String type) throws IOException {
        RawHttp.Answer answer = RawHttp.exchange(service.url(), null, request);
        assertEquals(status, answer.status(), answer.toString());
        assertTrue(answer.header("Content-Type").startsWith("application/problem+json"), answer.toString());
        JsonNode problem = Json.mapper().readTree(answer.body());
        assertEquals(type, problem.get("type").asText());
        assertEquals(status, problem.get("status").asInt());
        return problem;
    }

    @Test
    void anUnknownHttpVersionIs505() throws IOException {
        JsonNode p = problem("GET /healthz HTTP/2.5\r\nHost: x\r\n\r\n", 505, "http-version-not-supported");
        assertEquals("", p.get("instance").asText(), "no made-up path");
        problem("GET /api/v1/me HTTP/0.9\r\n\r\n", 505, "http-version-not-supported");
        problem("GET /api/v1/me HTTP/3.0\r\nHost: x\r\n\r\n", 505, "http-version-not-supported");
        // HTTP/2 is spoken only by prior knowledge (PRI *): an HTTP/1 request line naming 2.0 is no version
        // this syntax carries, not a 426 the OpenAPI file does not know
        problem("GET /api/v1/me HTTP/2.0\r\nHost: x\r\n\r\n", 505, "http-version-not-supported");
    }

    @Test
    void methodUriAndHeaderRefusalsAreProblems() throws IOException {
        problem("PATCH /api/v1/tickets HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n", 405, "method-not-allowed");
        // RFC 9110 15.5.6: a 405 names the methods the path does take
        RawHttp.Answer answer = RawHttp.exchange(service.url(), null,
                "DELETE /api/v1/tickets/7 HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
        assertEquals(405, answer.status(), answer.toString());
        assertEquals("GET, HEAD", answer.header("Allow"), answer.toString());
        answer = RawHttp.exchange(service.url(), null,
                "DELETE /api/v1/tickets HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
        assertEquals("GET, HEAD, POST", answer.header("Allow"), answer.toString());
        problem("GET /api/v1/tickets?q=" + "a".repeat(20_000) + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
                414, "uri-too-long");
        problem("GET /healthz HTTP/1.1\r\nHost: x\r\nX-Big: " + "b".repeat(20_000) + "\r\nConnection: close\r\n\r\n",
                431, "header-too-large");
        problem("POST /api/v1/tickets HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n"
                + "0\r\n\r\n", 400, "bad-request");
    }

    /**
     * SPEC 7.1: every error answer is in the OpenAPI file, for the operation the request named: the refusals any
     * request can meet (414, 431, 505) and a JSON body over the limit on each route that reads one (413).
     */
    @Test
    void refusals_before_the_route_are_documented_for_the_operation_they_name() {
        OpenApiContract contract = new OpenApiContract();
        List<String> found = new ArrayList<>();
        String admin = "Authorization: Bearer " + service.admin().token() + "\r\n";
        found.addAll(contract.violations(raw("GET", "/api/v1/tickets?q=" + "a".repeat(20_000),
                "GET /api/v1/tickets?q=" + "a".repeat(20_000) + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
                414)));
        found.addAll(contract.violations(raw("GET", "/api/v1/me", "GET /api/v1/me HTTP/1.1\r\nHost: x\r\n" + admin
                + "X-Big: " + "b".repeat(20_000) + "\r\nConnection: close\r\n\r\n", 431)));
        found.addAll(contract.violations(raw("GET", "/api/v1/hours", "GET /api/v1/hours HTTP/3.0\r\nHost: x\r\n\r\n",
                505)));
        byte[] big = ("{\"name\":\"" + "a".repeat(2 << 20) + "\"}").getBytes(StandardCharsets.UTF_8);
        for (String[] route : new String[][] {{"POST", "/api/v1/users"}, {"PUT", "/api/v1/tickets/1/assignee"},
                {"POST", "/api/v1/tickets"}, {"POST", "/api/v1/tickets/1/messages"}}) {
            ApiClient.Reply reply = service.admin().raw(route[0], service.url() + route[1], "application/json", big,
                    Map.of()).expect(413);
            // the answer is what is held to the document here (the 2 MiB body is not kept)
            contract.violations(new RecordingProxy.Exchange(route[0], route[1], Map.of(), new byte[0], 413,
                    lowerCase(reply.raw().headers().map()), reply.body().getBytes(StandardCharsets.UTF_8))).stream()
                    .filter(v -> !v.contains("request body")).forEach(found::add);
        }
        assertEquals(List.of(), found, "refusals that openapi.yaml does not document");
    }

    private static RecordingProxy.Exchange raw(String method, String target, String request, int status) {
        RawHttp.Answer answer = RawHttp.exchange(service.url(), null, request);
        assertEquals(status, answer.status(), answer.toString());
        Map<String, List<String>> headers = new java.util.LinkedHashMap<>();
        answer.headers().forEach((k, v) -> headers.put(k, List.of(v)));
        return new RecordingProxy.Exchange(method, target, Map.of(), new byte[0], status, headers,
                answer.body().getBytes(StandardCharsets.UTF_8));
    }

    private static Map<String, List<String>> lowerCase(Map<String, List<String>> headers) {
        Map<String, List<String>> lower = new java.util.LinkedHashMap<>();
        headers.forEach((k, v) -> lower.put(k.toLowerCase(Locale.ROOT), v));
        return lower;
    }
}
