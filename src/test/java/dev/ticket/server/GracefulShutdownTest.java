package dev.ticket.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ticket.model.Role;
import dev.ticket.testing.ApiClient;
import dev.ticket.testing.ServeProcess;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SIGTERM finishes requests in flight and exits 0. */
class GracefulShutdownTest {
    @TempDir
    Path dir;

    @Test
    void sigterm_finishes_a_request_in_flight_and_exits_0() throws Exception {
        Path data = dir.resolve("data");
        try (ServeProcess serve = ServeProcess.start(data)) {
            ApiClient admin = new ApiClient(serve.url(), serve.adminToken(data));
            String token = admin.addUser("slow", Role.CUSTOMER, "slow").token();
            byte[] first = "{\"title\":\"Sent slowly\",".getBytes(StandardCharsets.UTF_8);
            byte[] rest = "\"body\":\"the rest arrives after SIGTERM\"}".getBytes(StandardCharsets.UTF_8);
            CountDownLatch firstSent = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            InputStream slowBody = new InputStream() {
                private int part;

                @Override
                public int read() {
                    throw new UnsupportedOperationException("read in blocks");
                }

                /** The first block at once, the second only when released, then the end. */
                @Override
                public int read(byte[] buffer, int offset, int length) throws IOException {
                    byte[] chunk;
                    if (part == 0) {
                        chunk = first;
                    } else if (part == 1) {
                        firstSent.countDown();
                        try {
                            release.await();
                        } catch (InterruptedException e) {
                            throw new IOException(e);
                        }
                        chunk = rest;
                    } else {
                        return -1;
                    }
                    part++;
                    System.arraycopy(chunk, 0, buffer, offset, chunk.length);
                    return chunk.length;
                }
            };
            HttpRequest request = HttpRequest.newBuilder(URI.create(serve.url() + "/api/v1/tickets"))
                    .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofInputStream(() -> slowBody)).build();
            CompletableFuture<HttpResponse<String>> inFlight = HttpClient.newHttpClient()
                    .sendAsync(request, HttpResponse.BodyHandlers.ofString());
            assertTrue(firstSent.await(10, TimeUnit.SECONDS));
            serve.process().destroy(); // SIGTERM while the request is in flight
            waitForStopping(serve);
            release.countDown();
            HttpResponse<String> response = inFlight.get(20, TimeUnit.SECONDS);
            assertEquals(201, response.statusCode(), response.body());
            assertEquals(0, serve.terminate(Duration.ofSeconds(20)), String.join("\n", serve.output()));
        }
    }

    @Test
    void sigterm_ends_an_open_event_stream_and_exits_0_well_within_the_stop_timeout() throws Exception {
        Path data = dir.resolve("data");
        try (ServeProcess serve = ServeProcess.start(data)) {
            HttpRequest events = HttpRequest.newBuilder(URI.create(serve.url() + "/api/v1/events"))
                    .header("Authorization", "Bearer " + serve.adminToken(data)).build();
            HttpResponse<InputStream> stream = HttpClient.newHttpClient()
                    .send(events, HttpResponse.BodyHandlers.ofInputStream());
            assertEquals(200, stream.statusCode());
            long start = System.nanoTime();
            int exit = serve.terminate(Duration.ofSeconds(20));
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            assertEquals(0, exit, String.join("\n", serve.output()));
            assertTrue(took.compareTo(Duration.ofSeconds(8)) < 0, "the 10 s stop timeout was nearly used up: " + took);
            try (InputStream body = stream.body()) {
                assertTrue(new String(body.readAllBytes(), StandardCharsets.UTF_8).startsWith("retry:"));
            }
        }
    }

    /** The stop has begun once the listener refuses new connections. */
    private static void waitForStopping(ServeProcess serve) throws InterruptedException {
        URI uri = URI.create(serve.url());
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            try (java.net.Socket probe = new java.net.Socket(uri.getHost(), uri.getPort())) {
                Thread.sleep(20);
            } catch (IOException refused) {
                return;
            }
        }
        throw new AssertionError("ticket serve kept accepting connections after SIGTERM: " + serve.output());
    }
}
