package dev.ticket.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ticket.model.Role;
import dev.ticket.model.User;
import dev.ticket.service.Tokens;
import dev.ticket.testing.ApiClient;
import dev.ticket.testing.EventReader;
import dev.ticket.testing.SqliteFile;
import dev.ticket.testing.TestService;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** SPEC section 2: tokens are random (>= 128 bits), shown once, stored only as a hash, revocable, never logged. */
class TokenTest {
    @RegisterExtension
    static final TestService service = TestService.perClass(s -> s.withRequestLog(true));

    @Test
    void tokens_carry_256_random_bits_and_only_their_hash_reaches_the_disk() throws IOException {
        Set<String> tokens = new HashSet<>();
        for (int i = 0; i < 20; i++) {
            String token = service.addUser("user" + i, Role.CUSTOMER, "acme").token();
            assertTrue(token.matches("tkt_[A-Za-z0-9_-]{43}"), token);
            tokens.add(token);
        }
        assertEquals(20, tokens.size());
        List<Map<String, Object>> rows = new SqliteFile(service.dataDir()).rows("SELECT * FROM tokens");
        Set<Object> hashes = new HashSet<>();
        for (Map<String, Object> row : rows) {
            hashes.add(row.get("hash"));
            for (String token : tokens) {
                assertFalse(row.values().stream().anyMatch(v -> String.valueOf(v).contains(token)), row.toString());
            }
        }
        tokens.forEach(t -> assertTrue(hashes.contains(Tokens.hash(t)), "the stored form is the SHA-256"));
        for (Path file : dataFiles()) {
            String bytes = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
            tokens.forEach(t -> assertFalse(bytes.contains(t), "raw token in " + file));
        }
        String listed = service.admin().get("/users").expect(200).body();
        tokens.forEach(t -> assertFalse(listed.contains(t), "user list shows a token"));
    }

    @Test
    void revoking_a_users_tokens_locks_every_one_of_them_out_at_once() {
        User user = service.addUser("Leaver", Role.AGENT, null);
        String second = service.admin().post("/users/" + user.id() + "/tokens", "").expect(201).as(User.class)
                .token();
        ApiClient first = new ApiClient(service.url(), user.token());
        ApiClient other = new ApiClient(service.url(), second);
        first.get("/me").expect(200);
        other.get("/me").expect(200);
        assertEquals(2, service.admin().delete("/tokens/" + user.id()).expect(200).json().get("revoked").asInt());
        for (ApiClient revoked : List.of(first, other)) {
            JsonNode problem = revoked.get("/me").expect(401).json();
            assertEquals("unauthorized", problem.get("type").asText());
            assertTrue(problem.get("detail").asText().contains("revoked"), problem.toString());
        }
        String fresh = service.admin().post("/users/" + user.id() + "/tokens", "").expect(201).as(User.class)
                .token();
        new ApiClient(service.url(), fresh).get("/me").expect(200);
        first.get("/me").expect(401);
        service.admin().delete("/tokens/999999").expect(404);
    }

    @Test
    void a_revoked_token_also_ends_at_the_events_stream() {
        User user = service.addUser("Streamer", Role.CUSTOMER, "acme");
        service.admin().delete("/tokens/" + user.id()).expect(200);
        try (EventReader events = EventReader.open(service.url(), user.token(), "", Map.of())) {
            assertEquals(401, events.status());
        }
    }

    @Test
    void tokens_never_reach_the_request_log() {
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream original = System.err;
        System.setErr(new PrintStream(new Tee(original, captured), true, StandardCharsets.UTF_8));
        List<String> secrets = new ArrayList<>();
        try {
            User user = service.addUser("Logged", Role.CUSTOMER, "acme");
            secrets.add(user.token());
            secrets.add(service.adminToken());
            ApiClient client = new ApiClient(service.url(), user.token());
            client.get("/me").expect(200);
            client.post("/tickets", "{\"title\":\"t\",\"body\":\"b\"}").expect(201);
            String wrong = "tkt_wrongwrongwrongwrongwrongwrongwrongwrongwro";
            secrets.add(wrong);
            new ApiClient(service.url(), wrong).get("/tickets").expect(401);
            client.get("/tickets?token=" + user.token()).expect(200);
            String issued = service.admin().post("/users/" + user.id() + "/tokens", "").expect(201).as(User.class)
                    .token();
            secrets.add(issued);
            service.admin().delete("/tokens/" + user.id()).expect(200);
            client.get("/me").expect(401);
            awaitLogLine(captured, "path=/api/v1/me status=401");
        } finally {
            System.setErr(original);
        }
        String log = captured.toString(StandardCharsets.UTF_8);
        assertTrue(log.contains("method=GET path=/api/v1/me status=200"), log);
        secrets.forEach(s -> assertFalse(log.contains(s), "token in the log:\n" + log));
        assertFalse(log.contains("Bearer"), log);
    }

    private static void awaitLogLine(ByteArrayOutputStream captured, String text) {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (!captured.toString(StandardCharsets.UTF_8).contains(text)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no log line with " + text + " in:\n" + captured);
            }
            Thread.onSpinWait();
        }
    }

    private static List<Path> dataFiles() throws IOException {
        try (Stream<Path> files = Files.walk(service.dataDir())) {
            return files.filter(Files::isRegularFile)
                    .filter(f -> !f.getFileName().toString().equals("admin.token")).toList();
        }
    }

    /** Writes to two streams: the test sees the log and so does the developer. */
    private static final class Tee extends OutputStream {
        private final OutputStream first;
        private final OutputStream second;

        Tee(OutputStream first, OutputStream second) {
            this.first = first;
            this.second = second;
        }

        @Override
        public synchronized void write(int b) throws IOException {
            first.write(b);
            second.write(b);
        }

        @Override
        public synchronized void write(byte[] b, int off, int len) throws IOException {
            first.write(b, off, len);
            second.write(b, off, len);
        }
    }
}
