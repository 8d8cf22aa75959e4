package dev.ticket.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ticket.model.Role;
import dev.ticket.testing.ApiClient;
import dev.ticket.testing.MultipartBody;
import dev.ticket.testing.ServeProcess;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A file several times larger than the service's heap goes in and comes back out intact. */
class AttachmentStreamingTest {
    static final long SIZE = 160L * 1024 * 1024;

    @TempDir
    Path dir;

    @Test
    void a_file_three_times_the_services_heap_is_streamed_in_and_out() throws Exception {
        Path big = randomFile(dir.resolve("big.bin"), SIZE);
        String sha = sha256(big);
        try (ServeProcess serve = ServeProcess.startWithHeap(dir.resolve("data"), "48m",
                "--max-file-size", String.valueOf(SIZE))) {
            ApiClient customer = serve.client("Olga", Role.CUSTOMER, "acme");
            JsonNode attachment = attachTo(customer, big);
            assertEquals(SIZE, attachment.get("size").asLong());
            assertEquals(sha, attachment.get("sha256").asText());
            Path back = dir.resolve("back.bin");
            customer.download("/attachments/" + attachment.get("id").asLong(), back).expect(200);
            assertEquals(sha, sha256(back));
        }
    }

    /** Opens a ticket with {@code file} attached; its attachment as the service lists it. */
    static JsonNode attachTo(ApiClient customer, Path file) {
        JsonNode ticket = customer.postMultipart("/tickets", new MultipartBody().field("title", "Big")
                .field("body", "A core dump").file("core.bin", file)).expect(201).json();
        return customer.get("/tickets/" + ticket.get("id").asLong()).expect(200).json()
                .get("messages").get(0).get("attachments").get(0);
    }

    /** Random bytes, one random mebibyte stamped with its index, so no two blocks are alike. */
    static Path randomFile(Path target, long size) throws IOException {
        byte[] chunk = new byte[1024 * 1024];
        new SplittableRandom(42).nextBytes(chunk);
        try (OutputStream out = Files.newOutputStream(target)) {
            for (long written = 0, index = 0; written < size; written += chunk.length, index++) {
                for (int j = 0; j < 8; j++) {
                    chunk[j] = (byte) (index >>> (8 * j));
                }
                out.write(chunk, 0, (int) Math.min(chunk.length, size - written));
            }
        }
        return target;
    }

    static String sha256(Path file) throws Exception {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), sha)) {
            in.transferTo(OutputStream.nullOutputStream());
        }
        return HexFormat.of().formatHex(sha.digest());
    }
}
