package dev.ticket.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ticket.testing.ServeProcess;
import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ticket serve --metrics-port}: metrics without a token, on loopback only; the API port still wants one. */
class MetricsPortTest {

    @Test
    void the_metrics_port_answers_without_a_token_on_loopback_only(@TempDir Path tmp) throws Exception {
        int port = ServeProcess.freePort();
        Path data = Files.createDirectories(tmp.resolve("data"));
        try (ServeProcess serve = ServeProcess.start(data, "--bind", "0.0.0.0", "--metrics-port",
                Integer.toString(port))) {
            assertTrue(ServeProcess.await(java.time.Duration.ofSeconds(20), () -> serve.output().stream().anyMatch(
                    l -> l.equals("ticket serve: metrics on http://127.0.0.1:" + port + "/metrics"))),
                    serve.output().toString());
            serve.admin().get("/me").expect(200);

            HttpResponse<String> open = MetricsTest.get("http://127.0.0.1:" + port + "/metrics", null, null);
            assertEquals(200, open.statusCode());
            assertTrue(open.body().contains("# TYPE http_server_requests_seconds histogram"), open.body());
            assertTrue(open.body().contains("route=\"/api/v1/me\""), open.body());
            assertEquals(404, MetricsTest.get("http://127.0.0.1:" + port + "/api/v1/me", null, null).statusCode());
            assertEquals(401, MetricsTest.get(serve.url() + "/metrics", null, null).statusCode());

            // the API listens on every address here; the metrics listener must not
            Optional<InetAddress> lan = lanAddress();
            if (lan.isPresent()) {
                assertEquals(200, MetricsTest.get("http://" + lan.get().getHostAddress() + ":"
                        + java.net.URI.create(serve.url()).getPort() + "/healthz", null, null).statusCode());
                assertThrows(IOException.class, () -> {
                    try (Socket s = new Socket()) {
                        s.connect(new InetSocketAddress(lan.get(), port), 2_000);
                    }
                });
            }
        }
    }

    private static Optional<InetAddress> lanAddress() throws IOException {
        for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            if (nic.isUp() && !nic.isLoopback()) {
                for (InetAddress address : Collections.list(nic.getInetAddresses())) {
                    if (address instanceof Inet4Address) {
                        return Optional.of(address);
                    }
                }
            }
        }
        return Optional.empty();
    }
}
