package dev.ticket.testing;

import dev.ticket.model.Role;
import dev.ticket.model.User;
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
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@code ticket serve} as a separate OS process on this test's class path, for tests that kill, signal or starve it. */
public final class ServeProcess implements AutoCloseable {
    private static final Pattern LISTENING = Pattern.compile("listening on (https?://\\S+)");

    private final Process process;
    private final String url;
    private final List<String> output;
    private final Path dataDir;

    private ServeProcess(Process process, String url, List<String> output, Path dataDir) {
        this.process = process;
        this.url = url;
        this.output = output;
        this.dataDir = dataDir;
    }

    /** Starts {@code ticket serve --port 0 --data DIR extra...} and waits until it listens. */
    public static ServeProcess start(Path dataDir, String... extra) {
        return startWithHeap(dataDir, "256m", extra);
    }

    /** Like {@link #start}, with the JVM's heap capped at {@code maxHeap} (e.g. {@code 48m}). */
    public static ServeProcess startWithHeap(Path dataDir, String maxHeap, String... extra) {
        return start(dataDir, maxHeap, 0, extra);
    }

    /** Like {@link #start} on a fixed port, e.g. to start the service again where its clients look for it. */
    public static ServeProcess startOnPort(Path dataDir, int port, String... extra) {
        return start(dataDir, "256m", port, extra);
    }

    /** A port that was free a moment ago, for {@link #startOnPort}. */
    public static int freePort() {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Like {@link #start}, with these variables added to its environment (e.g. HOME, XDG_CONFIG_HOME). */
    public static ServeProcess startWithEnv(Path dataDir, java.util.Map<String, String> env, String... extra) {
        return start(dataDir, "256m", 0, env, null, extra);
    }

    /** Like {@link #startWithEnv} on a fixed port, e.g. to start it again where its saved profiles point. */
    public static ServeProcess startWithEnvOnPort(Path dataDir, int port, java.util.Map<String, String> env,
                                                  String... extra) {
        return start(dataDir, "256m", port, env, null, extra);
    }

    /** Like {@link #start}, the process created under this file mode mask (e.g. {@code 022}, a shell's usual). */
    public static ServeProcess startUnderUmask(Path dataDir, String umask, String... extra) {
        return start(dataDir, "256m", 0, java.util.Map.of(), umask, extra);
    }

    /** What a {@code ticket serve} that stopped by itself left: its exit code and its output, both streams. */
    public record Exited(int code, List<String> output) {
    }

    /**
     * Runs {@code ticket serve args...} (under umask 022) until it stops by itself, as a start that fails does;
     * one that is still running after {@code wait} is killed and reported as a failure.
     */
    public static Exited runToExit(Duration wait, String... args) throws InterruptedException {
        List<String> command = new ArrayList<>(List.of("sh", "-c", "umask 022 && exec \"$@\"", "sh", javaBin(),
                "-Xmx256m", "-cp", System.getProperty("java.class.path"), "dev.ticket.Main", "serve"));
        command.addAll(List.of(args));
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            CompletableFuture<String> text = CompletableFuture.supplyAsync(() -> {
                try {
                    return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            if (!process.waitFor(wait.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("ticket serve " + String.join(" ", args) + " was still running after "
                        + wait + ": " + text.getNow(""));
            }
            return new Exited(process.exitValue(), text.join().lines().toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ServeProcess start(Path dataDir, String maxHeap, int port, String... extra) {
        return start(dataDir, maxHeap, port, java.util.Map.of(), null, extra);
    }

    private static ServeProcess start(Path dataDir, String maxHeap, int port, java.util.Map<String, String> env,
                                      String umask, String... extra) {
        List<String> command = new ArrayList<>();
        if (umask != null) {
            command.addAll(List.of("sh", "-c", "umask " + umask + " && exec \"$@\"", "sh"));
        }
        command.addAll(List.of(javaBin(), "-Xmx" + maxHeap, "-cp",
                System.getProperty("java.class.path"), "dev.ticket.Main", "serve", "--port", Integer.toString(port),
                "--data", dataDir.toString()));
        if (!List.of(extra).contains("--request-log")) {
            command.add("--no-request-log");
        }
        command.addAll(List.of(extra));
        try {
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
            builder.environment().put("XDG_CONFIG_HOME", dataDir.resolveSibling(dataDir.getFileName() + "-config")
                    .toString());
            builder.environment().putAll(env);
            Process process = builder.start();
            List<String> output = java.util.Collections.synchronizedList(new ArrayList<>());
            CompletableFuture<String> url = new CompletableFuture<>();
            Thread reader = new Thread(() -> pump(process, output, url), "serve-output");
            reader.setDaemon(true);
            reader.start();
            try {
                // Generous: a loaded 2-core CI machine has taken over 30 s to start a JVM with Jetty and Flyway.
                return new ServeProcess(process, url.get(180, TimeUnit.SECONDS), output, dataDir);
            } catch (Exception e) {
                process.destroyForcibly();
                throw new IllegalStateException("ticket serve did not start (alive: " + process.isAlive() + "): "
                        + output, e);
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

    public Path dataDir() {
        return dataDir;
    }

    public String adminToken(Path dataDir) {
        try {
            return Files.readString(dataDir.resolve("admin.token")).strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An API client acting as the admin this service created at first start. */
    public ApiClient admin() {
        return new ApiClient(url, adminToken(dataDir));
    }

    /** A new user of the given role; the client carries its token. */
    public ApiClient client(String name, Role role, String account) {
        User user = admin().addUser(name, role, account);
        return new ApiClient(url, user.token());
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

    /** Polls {@code condition} until it holds or {@code timeout} passes. */
    public static boolean await(Duration timeout, BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return true;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return condition.getAsBoolean();
    }

    @Override
    public void close() {
        process.destroyForcibly();
    }
}
