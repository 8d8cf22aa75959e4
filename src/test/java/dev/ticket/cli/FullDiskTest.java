package dev.ticket.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ticket.model.Role;
import dev.ticket.testing.ApiClient;
import dev.ticket.testing.MultipartBody;
import dev.ticket.testing.RawHttp;
import dev.ticket.testing.ServeProcess;
import dev.ticket.testing.Tmpfs;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SPEC 7.1 full disk, on a real small file system: {@code ticket serve} keeps its data on a 16 MiB tmpfs mounted
 * for this test (skipped only where mounting is not allowed). An upload that does not fit is 507
 * {@code insufficient-storage} and leaves nothing; reads go on; {@code /readyz} says 503 with Retry-After while
 * free space is under {@code --min-free-space}; the CLI says the service is out of disk space and exits 6.
 */
class FullDiskTest {
    @TempDir
    static Path dir;
    static Path mount;
    static ServeProcess serve;
    static ApiClient customer;
    static long ticket;

    @BeforeAll
    static void start() throws Exception {
        mount = Tmpfs.mount(dir.resolve("small"), "16m");
        serve = ServeProcess.start(mount.resolve("data"), "--min-free-space", "4MiB", "--max-file-size", "67108864");
        customer = serve.client("Dora", Role.CUSTOMER, "disk");
        ticket = customer.post("/tickets", Map.of("title", "Disk", "body", "first")).expect(201).json().get("id")
                .asLong();
    }

    @AfterAll
    static void stop() throws Exception {
        if (serve != null) {
            serve.kill();
        }
        if (mount != null) {
            Tmpfs.unmount(mount);
        }
    }

    @Test
    void anUploadThatDoesNotFitIs507AndKeepsNothingWhileReadsGoOn() throws IOException {
        Path big = bigFile("too-big.bin", 24);
        ApiClient.Reply refused = customer.postMultipart("/tickets/" + ticket + "/messages",
                new MultipartBody().field("body", "here").file("too-big.bin", "application/octet-stream", big));
        assertEquals(507, refused.status(), refused.body());
        assertTrue(refused.header("Content-Type").startsWith("application/problem+json"));
        assertEquals("insufficient-storage", refused.json().get("type").asText());
        assertEquals(List.of(), blobFiles(), "nothing half-written is kept");
        // reads go on, and the ticket has no trace of the refused message
        assertEquals(1, customer.get("/tickets/" + ticket).expect(200).json().get("messages").size());
        assertEquals(200, RawHttp.get(serve.url(), null, "/readyz", Map.of()).status());
    }

    @Test
    void readyzIs503WithRetryAfterWhileFreeSpaceIsUnderTheThreshold() throws IOException {
        Path filler = mount.resolve("filler");
        FileStore store = Files.getFileStore(mount);
        try (RandomAccessFile f = new RandomAccessFile(filler.toFile(), "rw")) {
            f.write(new byte[(int) Math.max(0, store.getUsableSpace() - 2 * 1024 * 1024)]);
        }
        try {
            RawHttp.Answer ready = RawHttp.get(serve.url(), null, "/readyz", Map.of());
            assertEquals(503, ready.status(), ready.toString());
            assertTrue(ready.header("Content-Type").startsWith("application/problem+json"));
            assertTrue(Long.parseLong(ready.header("Retry-After")) > 0);
            assertEquals(200, RawHttp.get(serve.url(), null, "/healthz", Map.of()).status());
            customer.get("/tickets/" + ticket).expect(200);
        } finally {
            Files.delete(filler);
        }
        assertEquals(200, RawHttp.get(serve.url(), null, "/readyz", Map.of()).status());
    }

    @Test
    void theCliSaysTheServiceIsOutOfDiskSpaceAndExits6WithoutRetrying() throws IOException {
        Path big = bigFile("cli-big.bin", 24);
        CliHarness cli = new CliHarness(serve.url()).token(customer.token());
        long start = System.nanoTime();
        CliHarness.Result r = cli.run("attach", Long.toString(ticket), big.toString());
        assertEquals(6, r.exit(), r.toString());
        assertTrue(r.err().contains("the service is out of disk space"), r.err());
        assertEquals(1, r.err().strip().lines().count(), "one line: " + r.err());
        assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(60), "not retried for minutes");
        assertEquals(List.of(), blobFiles());
    }

    /** {@code mib} MiB of incompressible-enough bytes outside the small file system. */
    static Path bigFile(String name, int mib) throws IOException {
        Path file = dir.resolve(name);
        byte[] block = new byte[1024 * 1024];
        new java.util.Random(mib).nextBytes(block);
        try (var out = Files.newOutputStream(file)) {
            for (int i = 0; i < mib; i++) {
                out.write(block);
            }
        }
        return file;
    }

    static List<String> blobFiles() throws IOException {
        try (Stream<Path> all = Files.walk(serve.dataDir().resolve("blobs"))) {
            return all.filter(Files::isRegularFile).map(Path::toString).sorted().toList();
        }
    }
}
