package dev.ticket.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ticket.model.Role;
import dev.ticket.testing.ApiClient;
import dev.ticket.testing.MultipartBody;
import dev.ticket.testing.ServeProcess;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** kill -9 of a real {@code ticket serve} process in the middle of an upload. */
class AttachmentCrashTest {
    static final int SENT_BEFORE_KILL = 4 * 1024 * 1024;

    @TempDir
    Path dir;

    @Test
    void a_kill_during_an_upload_leaves_no_message_no_partial_file_and_no_orphan_blob_after_restart()
            throws Exception {
        Path data = dir.resolve("data");
        long ticketId;
        String token;
        String done;
        try (ServeProcess serve = ServeProcess.startWithHeap(data, "64m")) {
            ApiClient customer = serve.client("Olga", Role.CUSTOMER, "acme");
            token = customer.token();
            Path kept = Files.writeString(dir.resolve("kept.txt"), "acknowledged before the crash");
            ticketId = customer.postMultipart("/tickets", new MultipartBody().field("title", "Crash").field("body", "b")
                    .file("kept.txt", kept)).expect(201).json().get("id").asLong();
            done = sha256(Files.readAllBytes(kept));

            CountDownLatch release = new CountDownLatch(1);
            CompletableFuture<HttpResponse<String>> upload = startStalledUpload(serve.url(), token, ticketId, release);
            Path tmp = data.resolve("blobs").resolve("tmp");
            assertTrue(ServeProcess.await(Duration.ofSeconds(60), () -> largestFile(tmp) >= SENT_BEFORE_KILL / 2),
                    "the service never spooled the upload");
            serve.kill();
            release.countDown();
            assertTrue(upload.handle((r, e) -> e != null || r.statusCode() >= 500).get());
            assertTrue(largestFile(tmp) >= SENT_BEFORE_KILL / 2, "the partial file is there before the restart");
        }
        Path orphan = plantOrphanBlob(data);

        try (ServeProcess again = ServeProcess.startWithHeap(data, "64m")) {
            ApiClient customer = new ApiClient(again.url(), token);
            JsonNode ticket = customer.get("/tickets/" + ticketId).expect(200).json();
            assertEquals(1, ticket.get("message_count").asInt(), "the interrupted reply left no message");
            List<JsonNode> attachments = new ArrayList<>();
            ticket.get("messages").forEach(m -> m.get("attachments").forEach(attachments::add));
            assertEquals(1, attachments.size());
            for (JsonNode attachment : attachments) {
                Path got = dir.resolve("got-" + attachment.get("id").asText());
                customer.download("/attachments/" + attachment.get("id").asLong(), got).expect(200);
                assertEquals(attachment.get("sha256").asText(), sha256(Files.readAllBytes(got)));
            }
            assertEquals(done, attachments.get(0).get("sha256").asText());
            assertFalse(Files.exists(orphan), "the orphan blob was swept at start");
            assertEquals(0, largestFile(data.resolve("blobs").resolve("tmp")), "no partial upload is left");
            assertEquals(List.of(done), blobNames(data));
        }
    }

    /** Sends a reply whose file part delivers {@link #SENT_BEFORE_KILL} bytes, then stalls until released. */
    static CompletableFuture<HttpResponse<String>> startStalledUpload(String url, String token, long ticketId,
                                                                    CountDownLatch release) {
        String boundary = "stall";
        byte[] head = ("--stall\r\nContent-Disposition: form-data; name=\"body\"\r\n\r\nbig one\r\n"
                + "--stall\r\nContent-Disposition: form-data; name=\"file\"; filename=\"big.bin\"\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8);
        InputStream stalled = new InputStream() {
            private long sent;

            @Override
            public int read() {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (sent >= SENT_BEFORE_KILL) {
                    try {
                        release.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return -1;
                }
                int n = (int) Math.min(len, SENT_BEFORE_KILL - sent);
                java.util.Arrays.fill(b, off, off + n, (byte) 'x');
                sent += n;
                return n;
            }
        };
        HttpRequest request = HttpRequest.newBuilder(URI.create(url + "/api/v1/tickets/" + ticketId + "/messages"))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new SequenceInputStream(
                        new java.io.ByteArrayInputStream(head), stalled)))
                .build();
        return HttpClient.newHttpClient().sendAsync(request, HttpResponse.BodyHandlers.ofString());
    }

    static Path plantOrphanBlob(Path data) throws IOException {
        String sha = "ab".repeat(32);
        Path shard = Files.createDirectories(data.resolve("blobs").resolve("ab"));
        return Files.writeString(shard.resolve(sha), "left by a crash between the blob and the commit");
    }

    static long largestFile(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.mapToLong(p -> p.toFile().length()).max().orElse(0);
        } catch (IOException e) {
            return 0;
        }
    }

    static List<String> blobNames(Path data) throws IOException {
        try (Stream<Path> files = Files.walk(data.resolve("blobs"))) {
            return files.filter(Files::isRegularFile).filter(p -> !p.getParent().endsWith("tmp"))
                    .map(p -> p.getFileName().toString()).toList();
        }
    }

    static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
