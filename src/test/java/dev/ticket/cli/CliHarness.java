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
import java.util.HashMap;
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
    private String stdin = "";
    private int columns = 80;

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
        this.stdin = text;
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
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int width = columns;
        Io io = new Io(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8),
                new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), tty, tty, Map.copyOf(env), false,
                () -> width);
        int exit = Cli.run(io, Clock.systemUTC(), args);
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
}
