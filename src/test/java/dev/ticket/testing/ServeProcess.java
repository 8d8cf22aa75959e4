package dev.ticket.testing;

import dev.ticket.model.NewUser;
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
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@code ticket serve} as a separate {@code java} process on this test's class path, for heap and kill -9 tests. */
public final class ServeProcess implements AutoCloseable {
    private static final Pattern LISTENING = Pattern.compile("listening on (http://\\S+)");

    private final Process process;
    private final String url;
    private final Path dataDir;

    private ServeProcess(Process process, String url, Path dataDir) {
        this.process = process;
        this.url = url;
        this.dataDir = dataDir;
    }

    /** Starts {@code ticket serve --port 0 --data DIR extraArgs...} with the given heap and waits until it listens. */
    public static ServeProcess start(Path dataDir, String maxHeap, String... extraArgs) {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + maxHeap, "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"),
                "dev.ticket.Main", "serve", "--port", "0", "--data", dataDir.toString(), "--no-request-log"));
        command.addAll(List.of(extraArgs));
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            CompletableFuture<String> url = new CompletableFuture<>();
            StringBuilder output = new StringBuilder();
            Thread reader = new Thread(() -> pump(process, url, output), "serve-output");
            reader.setDaemon(true);
            reader.start();
            try {
                // a JVM start plus migrations can take long on a loaded machine
                return new ServeProcess(process, url.get(180, TimeUnit.SECONDS), dataDir);
            } catch (Exception e) {
                process.destroyForcibly();
                synchronized (output) {
                    throw new IllegalStateException("ticket serve did not start (alive: " + process.isAlive()
                            + "): " + output, e);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void pump(Process process, CompletableFuture<String> url, StringBuilder output) {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String line; (line = lines.readLine()) != null; ) {
                synchronized (output) {
                    output.append(line).append('\n');
                }
                Matcher m = LISTENING.matcher(line);
                if (m.find()) {
                    url.complete(m.group(1));
                }
            }
        } catch (IOException e) {
            // the process went away
        }
        url.completeExceptionally(new IllegalStateException("exited with " + output));
    }

    public String url() {
        return url;
    }

    public Path dataDir() {
        return dataDir;
    }

    public ApiClient admin() {
        try {
            return new ApiClient(url, Files.readString(dataDir.resolve("admin.token")).strip());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A new user of the given role; the client carries its token. */
    public ApiClient client(String name, Role role, String account) {
        User user = admin().post("/users", new NewUser(name, role, account)).expect(201).as(User.class);
        return new ApiClient(url, user.token());
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** SIGKILL: no shutdown hooks, no graceful stop. */
    public void kill() {
        process.destroyForcibly();
        try {
            process.waitFor(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                kill();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Polls {@code condition} until it holds or {@code timeout} passes. */
    public static boolean await(Duration timeout, java.util.function.BooleanSupplier condition) {
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
}
