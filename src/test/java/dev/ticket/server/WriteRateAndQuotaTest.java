package dev.ticket.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ticket.model.Role;
import dev.ticket.testing.ApiClient;
import dev.ticket.testing.MultipartBody;
import dev.ticket.testing.ServeProcess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SPEC 7.1 write rate ({@code --write-rate}) and attachment quota ({@code --account-quota}) on a real serve. */
class WriteRateAndQuotaTest {
    @TempDir
    static Path dir;
    static ServeProcess serve;
    static ApiClient writer;
    static ApiClient uploader;
    static ApiClient neighbour;

    @BeforeAll
    static void start() {
        serve = ServeProcess.start(dir.resolve("data"), "--write-rate", "8/min", "--account-quota", "100KiB");
        writer = serve.client("Wanda", Role.CUSTOMER, "writers");
        uploader = serve.client("Uma", Role.CUSTOMER, "uploads");
        neighbour = serve.client("Nina", Role.CUSTOMER, "others");
    }

    @AfterAll
    static void stop() {
        serve.close();
    }

    @Test
    void writesPastTheRateAre429RateLimitedWithRetryAfterWhileReadsAndOtherUsersGoOn() {
        long id = writer.post("/tickets", Map.of("title", "Rate", "body", "first")).expect(201).json().get("id").asLong();
        int accepted = 1;
        ApiClient.Reply refused = null;
        for (int i = 0; i < 20 && refused == null; i++) {
            ApiClient.Reply reply = writer.post("/tickets/" + id + "/messages", Map.of("body", "more " + i));
            if (reply.status() == 429) {
                refused = reply;
            } else {
                reply.expect(201);
                accepted++;
            }
        }
        assertNotNull(refused, "never limited");
        assertEquals(8, accepted, "the bucket holds a minute's worth: 8 writes, then refusals");
        JsonNode problem = refused.json();
        assertEquals("rate-limited", problem.get("type").asText());
        assertTrue(refused.header("Content-Type").startsWith("application/problem+json"));
        long retryAfter = Long.parseLong(refused.header("Retry-After"));
        assertTrue(retryAfter >= 1 && retryAfter <= 60, "Retry-After " + retryAfter);
        // reads are not writes, and another user has a bucket of their own
        writer.get("/tickets/" + id).expect(200);
        assertEquals(id, writer.get("/tickets/" + id).json().get("id").asLong());
        neighbour.post("/tickets", Map.of("title", "Mine", "body", "unaffected")).expect(201);
    }

    @Test
    void anUploadPastTheAccountQuotaIs413QuotaExceededAndKeepsNothing() throws IOException {
        byte[] sixty = new byte[60 * 1024];
        Arrays.fill(sixty, (byte) 'a');
        JsonNode ticket = uploader.postMultipart("/tickets", new MultipartBody().field("title", "Quota")
                .field("body", "first file").file("a.bin", "application/octet-stream", sixty)).expect(201).json();
        long id = ticket.get("id").asLong();
        List<String> before = blobs();
        byte[] another = new byte[60 * 1024];
        Arrays.fill(another, (byte) 'b');
        ApiClient.Reply refused = uploader.postMultipart("/tickets/" + id + "/messages",
                new MultipartBody().field("body", "second file").file("b.bin", "application/octet-stream", another));
        assertEquals(413, refused.status(), refused.body());
        assertEquals("quota-exceeded", refused.json().get("type").asText());
        assertTrue(refused.json().get("detail").asText().contains("100 KiB"), refused.body());
        assertEquals(before, blobs(), "the refused file is not kept");
        assertEquals(1, uploader.get("/tickets/" + id).json().get("messages").size(), "no message was added");
        // text still goes, and another account's quota is its own
        uploader.post("/tickets/" + id + "/messages", Map.of("body", "text is fine")).expect(201);
        neighbour.postMultipart("/tickets", new MultipartBody().field("title", "Theirs").field("body", "x")
                .file("c.bin", "application/octet-stream", another)).expect(201);
    }

    static List<String> blobs() throws IOException {
        try (Stream<Path> all = Files.walk(serve.dataDir().resolve("blobs"))) {
            return all.filter(Files::isRegularFile).map(Path::toString).sorted().toList();
        }
    }
}
