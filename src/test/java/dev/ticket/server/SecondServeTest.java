package dev.ticket.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ticket.testing.ApiClient;
import dev.ticket.testing.ServeProcess;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A second {@code ticket serve} that cannot have what it asks for (a port that is taken, a data directory
 * another service holds) says so in one line and exits 2, and leaves the first one alone.
 */
class SecondServeTest {
    @TempDir
    Path dir;

    @Test
    void a_taken_port_is_a_clear_usage_error_and_the_first_service_keeps_serving() throws Exception {
        try (ServeProcess first = ServeProcess.start(dir.resolve("one"))) {
            int port = URI.create(first.url()).getPort();
            Result second = serve("--port", Integer.toString(port), "--data", dir.resolve("two").toString());
            assertEquals(2, second.exit(), second.output());
            assertEquals(List.of("ticket: port " + port + " on 127.0.0.1 is in use; choose another with --port."),
                    second.ours(), second.output());
            String readme = Files.readString(Path.of("README.md")).replaceAll("\\s+", " ");
            assertTrue(readme.contains("`" + second.ours().get(0).replace(Integer.toString(port), "8765") + "`"),
                    "README (Configuration) quotes the line as it is printed");
            assertFalse(second.output().contains("unexpected error") || second.output().contains("\tat ")
                    || second.output().contains("ERROR"), second.output());
            assertFalse(Files.exists(dir.resolve("two")),
                    "a service that cannot listen leaves nothing behind: no database, no admin token, no lock file");
            healthy(first);
        }
    }

    @Test
    void a_data_directory_in_use_is_refused_before_anything_in_it_is_touched() throws Exception {
        Path data = dir.resolve("one");
        try (ServeProcess first = ServeProcess.start(data)) {
            // an upload of the first service in flight: a second service's start-up sweep would delete it
            Path inFlight = Files.writeString(data.resolve("blobs/tmp/upload-in-flight.part"), "half a file");
            Result second = serve("--port", Integer.toString(freePort()), "--data", data.toString());
            assertEquals(2, second.exit(), second.output());
            assertEquals(List.of("ticket: " + data + " is in use by another ticket serve (process "
                    + first.process().pid() + "); stop it, or give this one another --data."), second.ours(),
                    second.output());
            assertTrue(Files.exists(inFlight), "the first service's upload in flight is still there");
            healthy(first);
        }
        // and once the first has stopped, the directory is free again (the lock dies with its process)
        try (ServeProcess again = ServeProcess.start(data)) {
            healthy(again);
        }
    }

    private record Result(int exit, String output) {
        List<String> ours() {
            return output.lines().filter(line -> line.startsWith("ticket:")).toList();
        }
    }

    /** Runs {@code ticket serve args...}, which should give up at once; one that starts is stopped and fails. */
    private Result serve(String... args) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "dev.ticket.Main", "serve", "--no-request-log"));
        command.addAll(List.of(args));
        Path log = Files.createTempFile(dir, "serve", ".log");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        boolean ended = process.waitFor(60, TimeUnit.SECONDS);
        if (!ended) {
            process.destroyForcibly().waitFor();
        }
        String output = Files.readString(log, StandardCharsets.UTF_8);
        assertTrue(ended, "the second service did not give up: " + output);
        return new Result(process.exitValue(), output);
    }

    private static void healthy(ServeProcess serve) {
        new ApiClient(serve.url(), null).raw("GET", serve.url() + "/healthz", null, null, Map.of()).expect(200);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
