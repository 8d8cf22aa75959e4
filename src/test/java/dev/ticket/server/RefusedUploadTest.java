package dev.ticket.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ticket.model.Role;
import dev.ticket.testing.ApiClient;
import dev.ticket.testing.MultipartBody;
import dev.ticket.testing.ServeProcess;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A multipart request that is refused or fails leaves no blob and no temporary file behind at once, not
 * only after the next start: counted in the data directory of a real {@code ticket serve} process.
 */
class RefusedUploadTest {
    static final int LIMIT = 256 * 1024;

    @TempDir
    static Path dir;
    static ServeProcess serve;
    static ApiClient customer;
    static ApiClient agent;

    @BeforeAll
    static void start() {
        serve = ServeProcess.start(dir.resolve("data"), "--max-file-size", Integer.toString(LIMIT), "--max-files", "3");
        customer = serve.client("Olga", Role.CUSTOMER, "acme");
        agent = serve.client("Sam", Role.AGENT, null);
    }

    @AfterAll
    static void stop() {
        serve.close();
    }

    /** Every regular file under the data directory's blob store, temporary ones included. */
    static List<String> files() throws IOException {
        try (Stream<Path> all = Files.walk(serve.dataDir().resolve("blobs"))) {
            return all.filter(Files::isRegularFile).map(p -> serve.dataDir().relativize(p).toString()).sorted()
                    .toList();
        }
    }

    static byte[] content(String text) {
        return (text + " " + "x".repeat(10_000)).getBytes(StandardCharsets.UTF_8);
    }

    static MultipartBody ticket(String title) {
        return new MultipartBody().field("title", title).field("body", "See the file.");
    }

    static ApiClient.Reply post(ApiClient who, String path, MultipartBody body, Map<String, String> headers) {
        return who.raw("POST", path, body.contentType(), body.bytes(), headers);
    }

    @Test
    void a_new_ticket_refused_after_its_files_arrived_leaves_no_blob_and_no_temp_file() throws Exception {
        List<String> before = files();
        JsonNode problem = post(customer, "/tickets", ticket("Refs").field("refs", "999999")
                .file("log.txt", "text/plain", content("refused refs")), Map.of()).expect(422).json();
        assertEquals("refs must name earlier tickets of your account.", problem.get("detail").asText());
        assertEquals(before, files());

        post(customer, "/tickets", ticket("Key"), Map.of("Idempotency-Key", "k-refused")).expect(201);
        post(customer, "/tickets", ticket("Key").file("other.txt", "text/plain", content("idempotency conflict")),
                Map.of("Idempotency-Key", "k-refused")).expect(422);
        assertEquals(before, files());

        post(agent, "/tickets", ticket("Team").file("a.txt", "text/plain", content("the team opens none")), Map.of())
                .expect(403);
        assertEquals(before, files());
    }

    @Test
    void an_over_limit_or_one_too_many_file_on_a_new_ticket_leaves_nothing() throws Exception {
        List<String> before = files();
        post(customer, "/tickets", ticket("Over").file("ok.txt", "text/plain", content("first, small"))
                .file("big.bin", "application/octet-stream", new byte[LIMIT + 1]), Map.of()).expect(413);
        assertEquals(before, files());

        MultipartBody four = ticket("Four");
        for (int i = 0; i < 4; i++) {
            four.file("f" + i + ".txt", "text/plain", content("file " + i));
        }
        JsonNode problem = post(customer, "/tickets", four, Map.of()).expect(413).json();
        assertEquals("A message takes at most 3 files.", problem.get("detail").asText());
        assertEquals(before, files());

        byte[] cut = ("--cut\r\nContent-Disposition: form-data; name=\"title\"\r\n\r\nt\r\n--cut\r\n"
                + "Content-Disposition: form-data; name=\"file\"; filename=\"a.txt\"\r\n\r\nhalf a fi")
                .getBytes(StandardCharsets.UTF_8);
        customer.raw("POST", "/tickets", "multipart/form-data; boundary=cut", cut, Map.of()).expect(400);
        assertEquals(before, files());
    }

    @Test
    void a_refused_reply_with_files_leaves_nothing_but_content_another_message_holds_stays() throws Exception {
        byte[] shared = content("held by a message");
        long id = post(customer, "/tickets", ticket("Holder").file("held.txt", "text/plain", shared), Map.of())
                .expect(201).json().get("id").asLong();
        List<String> before = files();

        String path = "/tickets/" + id + "/messages";
        post(customer, path, new MultipartBody().field("body", "one"), Map.of("Idempotency-Key", "r1")).expect(201);
        post(customer, path, new MultipartBody().field("body", "two").file("new.txt", "text/plain",
                content("only in a refused reply")), Map.of("Idempotency-Key", "r1")).expect(422);
        post(customer, path, new MultipartBody().field("body", "three").file("held.txt", "text/plain", shared),
                Map.of("Idempotency-Key", "r1")).expect(422);
        assertEquals(before, files(), "the refused reply's new content went, the held content stayed");

        long attachment = customer.get("/tickets/" + id).expect(200).json().get("messages").get(0)
                .get("attachments").get(0).get("id").asLong();
        Path got = dir.resolve("held-again.txt");
        customer.download("/attachments/" + attachment, got).expect(200);
        assertEquals(new String(shared, StandardCharsets.UTF_8), Files.readString(got));
    }

    @Test
    void refused_and_accepted_uploads_of_the_same_content_at_once_keep_every_accepted_file() throws Exception {
        byte[] same = content("raced " + System.nanoTime());
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<ApiClient.Reply>> replies = new ArrayList<>();
        try {
            for (int i = 0; i < 24; i++) {
                boolean refused = i % 2 == 0;
                MultipartBody body = ticket("Race " + i).file("same.txt", "text/plain", same);
                if (refused) {
                    body.field("refs", "999999");
                }
                replies.add(pool.submit(() -> post(customer, "/tickets", body, Map.of())));
            }
            int accepted = 0;
            for (Future<ApiClient.Reply> reply : replies) {
                ApiClient.Reply r = reply.get();
                if (r.status() == 201) {
                    accepted++;
                    JsonNode file = customer.get("/tickets/" + r.json().get("id").asLong()).expect(200).json()
                            .get("messages").get(0).get("attachments").get(0);
                    Path got = dir.resolve("race-" + file.get("id").asText());
                    customer.download("/attachments/" + file.get("id").asLong(), got).expect(200);
                    assertEquals(same.length, Files.size(got));
                } else {
                    assertEquals(422, r.status(), r.body());
                }
            }
            assertEquals(12, accepted);
        } finally {
            pool.shutdownNow();
        }
        try (Stream<Path> temps = Files.list(serve.dataDir().resolve("blobs").resolve("tmp"))) {
            assertEquals(0, temps.count());
        }
    }
}
