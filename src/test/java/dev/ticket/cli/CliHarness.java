package dev.ticket.cli;

import dev.ticket.model.Role;
import dev.ticket.model.User;
import dev.ticket.testing.TestService;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs {@code ticket} commands in-process through picocli's {@code execute()} with string buffers for
 * the streams, a private config directory, and (usually) a real service from {@link TestService}.
 */
final class CliHarness {
    /** What a run left behind: exit code, standard output, standard error. */
    record Result(int exit, String out, String err) {
        @Override
        public String toString() {
            return "exit " + exit + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }

    private final Path configHome;
    private final Map<String, String> env = new HashMap<>();
    private boolean tty;
    private byte[] stdin = new byte[0];
    private int columns = 80;
    private Clock clock = Clock.systemUTC();

    CliHarness(String serverUrl) {
        try {
            configHome = Files.createTempDirectory("ticket-cli-config-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        env.put("XDG_CONFIG_HOME", configHome.toString());
        env.put("HOME", configHome.toString());
        if (serverUrl != null) {
            env.put("TICKET_SERVER", serverUrl);
        }
    }

    /** A harness acting as a new user of the service. */
    static CliHarness as(TestService service, String name, Role role, String account) {
        User user = service.addUser(name, role, account);
        return new CliHarness(service.url()).token(user.token());
    }

    /** A harness acting as the service's customer ({@link TestService#customer()}: Olga of acme). */
    static CliHarness customer(TestService service) {
        return new CliHarness(service.url()).token(service.customer().token());
    }

    /** A harness acting as the service's agent ({@link TestService#agent()}: Sam). */
    static CliHarness agent(TestService service) {
        return new CliHarness(service.url()).token(service.agent().token());
    }

    /** The same user at another address (a proxy in front of the service), with a config directory of its own. */
    CliHarness through(String serverUrl) {
        return new CliHarness(serverUrl).token(token());
    }

    String token() {
        return env.get("TICKET_TOKEN");
    }

    CliHarness token(String token) {
        env.put("TICKET_TOKEN", token);
        return this;
    }

    CliHarness env(String name, String value) {
        if (value == null) {
            env.remove(name);
        } else {
            env.put(name, value);
        }
        return this;
    }

    /** Standard input and output are terminals: prompts, chat layout (colour only without NO_COLOR). */
    CliHarness tty(boolean on) {
        this.tty = on;
        return this;
    }

    CliHarness stdin(String text) {
        return stdin(text.getBytes(StandardCharsets.UTF_8));
    }

    /** Raw bytes on standard input, for input that is not UTF-8. */
    CliHarness stdin(byte[] bytes) {
        this.stdin = bytes.clone();
        return this;
    }

    /** The clock the CLI reads (the "due in" words, "just now"); the service keeps its own. */
    CliHarness clock(Clock at) {
        this.clock = at;
        return this;
    }

    CliHarness columns(int width) {
        this.columns = width;
        return this;
    }

    Path configHome() {
        return configHome;
    }

    Result run(String... args) {
        return run(new ByteArrayOutputStream(), new ByteArrayOutputStream(), args);
    }

    /** A run in the background whose standard error can be watched while it goes on. */
    record Running(CompletableFuture<Result> result, ByteArrayOutputStream err) {
        /** Waits (up to 20 s) until standard error contains {@code text}. */
        void awaitErr(String text) {
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (!err.toString(StandardCharsets.UTF_8).contains(text) && !result.isDone()) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("never saw '" + text + "' on standard error");
                }
                java.util.concurrent.locks.LockSupport.parkNanos(5_000_000);
            }
        }
    }

    Running start(String... args) {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        return new Running(CompletableFuture.supplyAsync(() -> run(new ByteArrayOutputStream(), err, args)), err);
    }

    /** An Io like the runs get, writing into throwaway buffers. */
    Io ioForTests() {
        return io(new ByteArrayOutputStream(), new ByteArrayOutputStream());
    }

    private Io io(ByteArrayOutputStream out, ByteArrayOutputStream err) {
        int width = columns;
        return new Io(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8),
                new ByteArrayInputStream(stdin), tty, tty, Map.copyOf(env), false,
                () -> width);
    }

    private Result run(ByteArrayOutputStream out, ByteArrayOutputStream err, String... args) {
        Io io = io(out, err);
        int exit = Cli.run(io, clock, args);
        return new Result(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** Runs and insists on exit 0, returning standard output. */
    String ok(String... args) {
        Result result = run(args);
        if (result.exit() != 0) {
            throw new AssertionError("ticket " + String.join(" ", args) + " failed: " + result);
        }
        return result.out();
    }

    /** {@code ticket new -t TITLE -m MESSAGE [MORE...] -q}, which must succeed: the new ticket's id. */
    String open(String title, String message, String... more) {
        List<String> args = new ArrayList<>(List.of("new", "-t", title, "-m", message));
        args.addAll(List.of(more));
        args.add("-q");
        return ok(args.toArray(String[]::new)).strip();
    }
}
