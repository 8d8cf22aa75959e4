package dev.ticket.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@code ticket serve} as a separate OS process, for tests that kill or signal it. */
public final class ServeProcess implements AutoCloseable {
    private static final Pattern LISTENING = Pattern.compile("listening on (http://\\S+)");

    private final Process process;
    private final String url;
    private final List<String> output;

    private ServeProcess(Process process, String url, List<String> output) {
        this.process = process;
        this.url = url;
        this.output = output;
    }

    /** Starts {@code ticket serve --port 0 --data DIR extra...} and waits until it listens. */
    public static ServeProcess start(Path dataDir, String... extra) {
        List<String> command = new ArrayList<>(List.of(javaBin(), "-Xmx256m", "-cp",
                System.getProperty("java.class.path"), "dev.ticket.Main", "serve", "--port", "0",
                "--data", dataDir.toString(), "--no-request-log"));
        command.addAll(List.of(extra));
        try {
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
            builder.environment().put("XDG_CONFIG_HOME", dataDir.resolveSibling(dataDir.getFileName() + "-config")
                    .toString());
            Process process = builder.start();
            List<String> output = java.util.Collections.synchronizedList(new ArrayList<>());
            CompletableFuture<String> url = new CompletableFuture<>();
            Thread reader = new Thread(() -> pump(process, output, url), "serve-output");
            reader.setDaemon(true);
            reader.start();
            try {
                // Generous: a loaded 2-core CI machine has taken over 30 s to start a JVM with Jetty and Flyway.
                return new ServeProcess(process, url.get(120, TimeUnit.SECONDS), output);
            } catch (Exception e) {
                process.destroyForcibly();
                throw new IllegalStateException("ticket serve did not start: " + output, e);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void pump(Process process, List<String> output, CompletableFuture<String> url) {
        try (BufferedReader in = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                output.add(line);
                Matcher m = LISTENING.matcher(line);
                if (m.find()) {
                    url.complete(m.group(1));
                }
            }
        } catch (IOException e) {
            // the process ended
        }
        url.completeExceptionally(new IllegalStateException("exited: " + output));
    }

    private static String javaBin() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    public String url() {
        return url;
    }

    public List<String> output() {
        return List.copyOf(output);
    }

    public String adminToken(Path dataDir) {
        try {
            return Files.readString(dataDir.resolve("admin.token")).strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** SIGKILL: no shutdown code runs. */
    public void kill() throws InterruptedException {
        process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
    }

    /** SIGTERM, then the exit code once it has stopped. */
    public int terminate(Duration wait) throws InterruptedException {
        process.destroy();
        if (!process.waitFor(wait.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("ticket serve did not stop within " + wait + ": " + output);
        }
        return process.exitValue();
    }

    public Process process() {
        return process;
    }

    @Override
    public void close() {
        process.destroyForcibly();
    }
}
