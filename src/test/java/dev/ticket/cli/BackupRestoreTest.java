package dev.ticket.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ticket.files.BackupArchive;
import dev.ticket.model.Role;
import dev.ticket.testing.ApiClient;
import dev.ticket.testing.MultipartBody;
import dev.ticket.testing.ServeProcess;
import dev.ticket.testing.TestService;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ticket admin backup} and {@code ticket serve --restore} on real services and real files: a backup taken
 * while a customer keeps writing restores, in a second service, into the same tickets, messages, attachment bytes
 * and working tokens.
 */
class BackupRestoreTest {
    @RegisterExtension
    static final TestService service = TestService.perClass();
    static CliHarness admin;
    static ApiClient customer;
    static String customerToken;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() {
        admin = new CliHarness(service.url()).token(service.adminToken());
        customer = service.client("Olga", Role.CUSTOMER, "acme");
        customerToken = customer.token();
        for (int i = 0; i < 5; i++) {
            customer.postMultipart("/tickets", new MultipartBody().field("title", "Ticket " + i)
                    .field("body", "Body " + i).file("log" + i + ".txt", "text/plain",
                            ("attachment " + i + " MARKER-" + i).getBytes(StandardCharsets.UTF_8))).expect(201);
        }
    }

    @Test
    void a_backup_taken_while_writes_go_on_restores_the_same_data_and_tokens_in_a_second_service() throws Exception {
        AtomicBoolean writing = new AtomicBoolean(true);
        AtomicInteger written = new AtomicInteger();
        Thread writer = new Thread(() -> {
            for (int i = 0; writing.get(); i++) {
                customer.post("/tickets/" + (1 + i % 5) + "/messages", Map.of("body", "more " + i)).expect(201);
                written.incrementAndGet();
            }
        });
        writer.setDaemon(true);
        writer.start();
        awaitWrites(written, 5);
        Path archive = dir.resolve("ticket.tar");
        CliHarness.Result r = admin.run("admin", "backup", "--to", archive.toString());
        awaitWrites(written, written.get() + 5);
        writing.set(false);
        writer.join();
        assertEquals(0, r.exit(), r.toString());
        BackupArchive.Manifest manifest = BackupArchive.verify(archive);
        assertEquals("Saved " + archive + " (" + dev.ticket.model.ByteSizes.human(Files.size(archive)) + "): "
                + manifest.summary() + " (" + manifest.blobs().size() + " attachment files), every SHA-256 "
                + "checked.\n", r.out());
        assertTrue(manifest.messages() > 5 && manifest.messages() < 5 + written.get(), "a snapshot taken midway: "
                + manifest.messages() + " of " + (5 + written.get()));
        try (Stream<Path> left = Files.list(dir)) {
            assertEquals(List.of(archive), left.toList(), "no temporary file beside the archive");
        }
        try (Stream<Path> left = Files.list(service.dataDir())) {
            assertTrue(left.noneMatch(p -> p.getFileName().toString().startsWith("backup-")), "copy removed");
        }

        Path restoredDir = dir.resolve("restored");
        try (ServeProcess restored = ServeProcess.start(restoredDir, "--restore", archive.toString())) {
            assertTrue(String.join("\n", restored.output()).contains("Restored " + archive + " (taken "
                    + manifest.createdAt() + ") into " + restoredDir + ": " + manifest.summary()
                    + ", every SHA-256 checked."), restored.output().toString());
            ApiClient oldToken = new ApiClient(restored.url(), customerToken);
            new ApiClient(restored.url(), service.adminToken()).get("/users").expect(200);
            long messages = 0;
            JsonNode tickets = oldToken.get("/tickets?limit=100").expect(200).json().get("items");
            assertEquals(manifest.tickets(), tickets.size());
            for (JsonNode ticket : tickets) {
                long id = ticket.get("id").asLong();
                List<JsonNode> now = messages(customer.get("/tickets/" + id).expect(200).json());
                List<JsonNode> then = messages(oldToken.get("/tickets/" + id).expect(200).json());
                messages += then.size();
                // messages are only appended: the snapshot holds each ticket's first ones, exactly as they were
                assertEquals(now.subList(0, then.size()).toString(), then.toString());
                JsonNode attachment = then.get(0).get("attachments").get(0);
                Path bytes = dir.resolve("a" + id);
                oldToken.download("/attachments/" + attachment.get("id").asLong(), bytes).expect(200);
                assertEquals(attachment.get("sha256").asText(), sha256(Files.readAllBytes(bytes)));
                if (id <= 5) {
                    assertEquals("attachment " + (id - 1) + " MARKER-" + (id - 1), Files.readString(bytes));
                }
            }
            assertEquals(manifest.messages(), messages);
            oldToken.post("/tickets/1/messages", Map.of("body", "after the restore")).expect(201);
        }
    }

    private static void awaitWrites(AtomicInteger written, int atLeast) {
        assertTrue(ServeProcess.await(Duration.ofSeconds(30), () -> written.get() >= atLeast), "writes go on");
    }

    private static List<JsonNode> messages(JsonNode ticket) {
        List<JsonNode> list = new ArrayList<>();
        ticket.get("messages").forEach(list::add);
        return list;
    }

    @Test
    void customers_and_agents_are_refused_and_no_token_is_401() {
        ApiClient agent = service.client("Ivan", Role.AGENT, null);
        assertEquals(403, customer.get("/admin/backup").status());
        JsonNode refused = agent.get("/admin/backup").expect(403).json();
        assertEquals("forbidden", refused.get("type").asText());
        assertEquals(401, new ApiClient(service.url(), null).get("/admin/backup").status());
        CliHarness.Result r = new CliHarness(service.url()).token(customerToken)
                .run("admin", "backup", "--to", dir.resolve("no.tar").toString());
        assertEquals(3, r.exit(), r.toString());
        assertFalse(Files.exists(dir.resolve("no.tar")));
    }

    @Test
    void a_damaged_or_truncated_archive_is_refused_and_the_directory_is_left_as_it_was() throws Exception {
        Path archive = dir.resolve("good.tar");
        admin.ok("admin", "backup", "--to", archive.toString());
        byte[] bytes = Files.readAllBytes(archive);

        Path truncated = dir.resolve("truncated.tar");
        Files.write(truncated, java.util.Arrays.copyOf(bytes, bytes.length / 2));
        Path missing = dir.resolve("never-made");
        CliHarness.Result r = new CliHarness(null).run("serve", "--port", "0", "--data", missing.toString(),
                "--restore", truncated.toString());
        assertEquals(2, r.exit(), r.toString());
        assertTrue(r.err().contains("cannot restore " + truncated + ": it "), r.err());
        assertTrue(r.err().contains("truncated"), r.err());
        assertFalse(Files.exists(missing), "a directory it made is removed again");

        Path damaged = dir.resolve("damaged.tar");
        String text = new String(bytes, StandardCharsets.ISO_8859_1);
        int at = text.indexOf("MARKER-3");
        assertTrue(at > 0);
        byte[] flipped = bytes.clone();
        flipped[at] = 'X';
        Files.write(damaged, flipped);
        Path empty = Files.createDirectory(dir.resolve("empty"));
        r = new CliHarness(null).run("serve", "--port", "0", "--data", empty.toString(), "--restore",
                damaged.toString());
        assertEquals(2, r.exit(), r.toString());
        assertTrue(r.err().contains("does not match the SHA-256 and size in the manifest"), r.err());
        try (Stream<Path> left = Files.list(empty)) {
            assertEquals(0, left.count(), "an empty directory stays empty");
        }

        Path notTar = dir.resolve("notes.txt");
        Files.writeString(notTar, "just text\n");
        r = new CliHarness(null).run("serve", "--port", "0", "--data", empty.toString(), "--restore",
                notTar.toString());
        assertEquals(2, r.exit(), r.toString());
        assertTrue(r.err().contains("not a ticket backup"), r.err());
    }

    @Test
    void a_data_directory_with_anything_in_it_is_refused() throws Exception {
        Path archive = dir.resolve("good.tar");
        admin.ok("admin", "backup", "--to", archive.toString());
        Path used = Files.createDirectory(dir.resolve("used"));
        Files.writeString(used.resolve("notes"), "mine");
        CliHarness.Result r = new CliHarness(null).run("serve", "--port", "0", "--data", used.toString(),
                "--restore", archive.toString());
        assertEquals(2, r.exit(), r.toString());
        assertTrue(r.err().contains("--restore needs an empty or missing --data directory, and " + used
                + " is not empty; nothing was changed."), r.err());
        try (Stream<Path> left = Files.list(used)) {
            assertEquals(List.of(used.resolve("notes")), left.toList());
        }
    }

    @Test
    void a_client_that_goes_away_midway_leaves_no_copy_behind() throws Exception {
        byte[] big = new byte[20 * 1024 * 1024];
        new Random(7).nextBytes(big);
        customer.postMultipart("/tickets", new MultipartBody().field("title", "Big").field("body", "dump")
                .file("core.bin", "application/octet-stream", big)).expect(201);
        java.net.URI url = java.net.URI.create(service.url());
        try (Socket socket = new Socket(url.getHost(), url.getPort())) {
            socket.setReceiveBufferSize(16 * 1024);
            OutputStream out = socket.getOutputStream();
            out.write(("GET /api/v1/admin/backup HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer "
                    + service.adminToken() + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            byte[] some = in.readNBytes(64 * 1024);
            assertTrue(new String(some, StandardCharsets.ISO_8859_1).startsWith("HTTP/1.1 200"));
            assertEquals(1, copies(), "the copy exists while the archive streams");
            socket.setSoLinger(true, 0); // a reset, as when a client dies
        }
        assertTrue(ServeProcess.await(Duration.ofSeconds(30), () -> copies() == 0), "the copy was removed");
        try (Stream<Path> tmp = Files.list(service.dataDir().resolve("blobs").resolve("tmp"))) {
            assertEquals(0, tmp.count());
        }
    }

    private static long copies() {
        try (Stream<Path> files = Files.list(service.dataDir())) {
            return files.filter(p -> p.getFileName().toString().startsWith("backup-")).count();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void a_backup_to_standard_output_says_what_it_wrote_on_standard_error() {
        CliHarness.Result r = admin.run("admin", "backup", "--to", "-");
        assertEquals(0, r.exit(), r.toString());
        assertTrue(r.out().startsWith("manifest.json"), "a tar starts with its first entry's name: "
                + r.out().substring(0, Math.min(200, r.out().length())));
        assertTrue(r.err().matches("Wrote the backup to standard output \\(.+\\): \\d+ tickets, \\d+ messages, "
                + "\\d+ attachments \\(\\d+ attachment files?\\)\\.\n"), r.err());
    }

    static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
