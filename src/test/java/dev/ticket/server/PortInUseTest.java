package dev.ticket.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ticket.testing.ApiClient;
import dev.ticket.testing.ServeProcess;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A second {@code ticket serve} on a port already taken says so in one line and exits 2. */
class PortInUseTest {
    @TempDir
    Path dir;

    @Test
    void a_taken_port_is_a_clear_usage_error_and_the_first_service_keeps_serving() throws Exception {
        try (ServeProcess first = ServeProcess.start(dir.resolve("one"))) {
            int port = URI.create(first.url()).getPort();
            Process second = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), "dev.ticket.Main", "serve",
                    "--port", Integer.toString(port), "--data", dir.resolve("two").toString(), "--no-request-log")
                    .redirectErrorStream(true).start();
            String output = new String(second.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(second.waitFor(60, TimeUnit.SECONDS), output);
            assertEquals(2, second.exitValue(), output);
            List<String> ours = output.lines().filter(line -> line.startsWith("ticket:")).toList();
            assertEquals(List.of("ticket: Port " + port + " on 127.0.0.1 is in use; choose another with --port."),
                    ours, output);
            assertFalse(output.contains("unexpected error") || output.contains("\tat "), output);
            new ApiClient(first.url(), null).raw("GET", first.url() + "/healthz", null, null, Map.of()).expect(200);
        }
    }
}
