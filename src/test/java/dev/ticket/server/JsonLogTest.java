package dev.ticket.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.ticket.model.Json;
import dev.ticket.model.NewTicket;
import dev.ticket.model.Role;
import dev.ticket.model.Ticket;
import dev.ticket.testing.ApiClient;
import dev.ticket.testing.ServeProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ticket serve --log-format json}: every log line one JSON object, requests with their fields, no token. */
class JsonLogTest {

    @Test
    void a_real_serve_logs_one_json_object_a_line_with_the_request_fields_and_never_a_token(@TempDir Path tmp)
            throws Exception {
        Path data = Files.createDirectories(tmp.resolve("data"));
        try (ServeProcess serve = ServeProcess.start(data, "--request-log", "--log-format", "json")) {
            ApiClient admin = serve.admin();
            ApiClient olga = serve.client("Olga", Role.CUSTOMER, "acme");
            olga.raw("GET", "/me", null, null, Map.of("X-Request-Id", "json-log-me")).expect(200);
            Ticket t = olga.post("/tickets", new NewTicket("Logs", "First message", null, null, null, null, null,
                    null)).expect(201).as(Ticket.class);
            olga.raw("GET", "/tickets/" + t.id(), null, null, Map.of("X-Request-Id", "json-log-ticket")).expect(200);
            String missing = olga.get("/tickets/987654").expect(404).header("X-Request-Id");
            new ApiClient(serve.url(), "not-a-token").raw("GET", "/me", null, null,
                    Map.of("X-Request-Id", "json-log-401")).expect(401);
            assertTrue(ServeProcess.await(Duration.ofSeconds(10), () -> serve.output().stream()
                    .anyMatch(l -> l.contains("json-log-401"))), String.join("\n", serve.output()));

            List<JsonNode> logged = new ArrayList<>();
            for (String line : serve.output()) {
                if (line.startsWith("ticket serve: ") || line.startsWith("Created the admin user")) {
                    continue; // the command's own messages on standard output, not the log
                }
                try {
                    logged.add(Json.mapper().readTree(line));
                } catch (JsonProcessingException e) {
                    fail("a log line that is not JSON: " + line);
                }
            }
            for (JsonNode entry : logged) {
                assertTrue(entry.isObject(), entry.toString());
                Instant.parse(entry.get("time").asText());
                assertNotNull(entry.get("level"), entry.toString());
                assertNotNull(entry.get("message"), entry.toString());
            }

            JsonNode me = only(logged, "json-log-me");
            assertEquals("INFO", me.get("level").asText());
            assertEquals("GET", me.get("method").asText());
            assertEquals("/api/v1/me", me.get("route").asText());
            assertEquals(200, me.get("status").asInt());
            assertTrue(me.get("duration_ms").isNumber() && me.get("duration_ms").asDouble() >= 0, me.toString());
            assertTrue(me.get("user_id").isIntegralNumber(), me.toString());
            assertEquals("127.0.0.1", me.get("client_address").asText());

            JsonNode ticket = only(logged, "json-log-ticket");
            assertEquals("/api/v1/tickets/{id}", ticket.get("route").asText());
            assertEquals("/api/v1/tickets/" + t.id(), ticket.get("path").asText());
            assertEquals(me.get("user_id"), ticket.get("user_id"));

            assertEquals(404, only(logged, missing).get("status").asInt());
            JsonNode refused = only(logged, "json-log-401");
            assertEquals(401, refused.get("status").asInt());
            assertFalse(refused.has("user_id"), refused.toString());

            String all = String.join("\n", serve.output());
            for (String secret : List.of(admin.token(), olga.token(), "not-a-token", "Bearer")) {
                assertFalse(all.contains(secret), "a token in the log: " + secret);
            }
        }
    }

    private static JsonNode only(List<JsonNode> logged, String requestId) {
        List<JsonNode> found = logged.stream().filter(e -> e.has("request_id")
                && e.get("request_id").asText().equals(requestId)).toList();
        assertEquals(1, found.size(), requestId + " in " + logged);
        return found.get(0);
    }
}
