package dev.ticket.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ticket.model.Role;
import dev.ticket.testing.ApiClient;
import dev.ticket.testing.MultipartBody;
import dev.ticket.testing.ServeProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Many uploads at once through a service with a small heap: each upload's buffers (heap and direct memory)
 * must stay small and bounded, or some fail with OutOfMemoryError. 48 concurrent 4 MiB uploads at
 * {@code -Xmx48m}: with a 1 MiB heap block and a 256 KiB read buffer per upload, 40 of them already failed.
 */
class ConcurrentUploadsTest {
    static final int UPLOADS = 48;
    static final int SIZE = 4 * 1024 * 1024;

    @TempDir
    Path dir;

    @Test
    void forty_eight_concurrent_uploads_through_a_48_mb_heap_all_arrive_whole() throws Exception {
        Path data = dir.resolve("data");
        byte[] bytes = new byte[SIZE];
        new Random(3).nextBytes(bytes);
        Path file = Files.write(dir.resolve("shared.bin"), bytes);
        String sha = AttachmentCrashTest.sha256(bytes);
        try (ServeProcess serve = ServeProcess.startWithHeap(data, "48m")) {
            ApiClient customer = serve.client("Olga", Role.CUSTOMER, "acme");
            ExecutorService pool = Executors.newFixedThreadPool(UPLOADS);
            List<Future<ApiClient.Reply>> replies = new ArrayList<>();
            try {
                for (int i = 0; i < UPLOADS; i++) {
                    MultipartBody body = new MultipartBody().field("title", "Upload " + i).field("body", "b")
                            .file("f" + i + ".bin", file);
                    replies.add(pool.submit(() -> customer.postMultipart("/tickets", body)));
                }
                for (Future<ApiClient.Reply> reply : replies) {
                    ApiClient.Reply r = reply.get();
                    assertEquals(201, r.status(), r.body());
                    long id = r.json().get("id").asLong();
                    JsonNode attachment = customer.get("/tickets/" + id).expect(200).json().get("messages").get(0)
                            .get("attachments").get(0);
                    assertEquals(sha, attachment.get("sha256").asText());
                }
            } finally {
                pool.shutdownNow();
            }
            Path got = dir.resolve("got.bin");
            customer.download("/attachments/1", got).expect(200);
            assertEquals(sha, AttachmentCrashTest.sha256(Files.readAllBytes(got)));
            try (Stream<Path> temps = Files.list(data.resolve("blobs").resolve("tmp"))) {
                assertEquals(0, temps.count());
            }
        }
    }
}
