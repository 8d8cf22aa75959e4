package dev.ticket.testing;

import dev.ticket.app.TicketApp;
import dev.ticket.model.NewUser;
import dev.ticket.model.Role;
import dev.ticket.model.User;
import dev.ticket.server.ServerSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Comparator;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/** A real {@code ticket serve} in this JVM on 127.0.0.1, port 0, over a temporary SQLite directory. */
public final class TestService implements AutoCloseable {
    private final TicketApp app;
    private final Path dataDir;
    private final boolean ownsDir;
    private final String adminToken;
    private final ApiClient admin;

    private TestService(TicketApp app, Path dataDir, boolean ownsDir) throws IOException {
        this.app = app;
        this.dataDir = dataDir;
        this.ownsDir = ownsDir;
        this.adminToken = Files.readString(dataDir.resolve(TicketApp.ADMIN_TOKEN_FILE)).strip();
        this.admin = new ApiClient(url(), adminToken);
    }

    public static TestService start() {
        return start(UnaryOperator.identity());
    }

    /** Starts with settings adjusted by {@code tweak} (hours, limits...). */
    public static TestService start(UnaryOperator<ServerSettings> tweak) {
        return start(tweak, Clock.systemUTC());
    }

    /** Starts with adjusted settings and the clock the service's rules read. */
    public static TestService start(UnaryOperator<ServerSettings> tweak, Clock clock) {
        try {
            Path dir = Files.createTempDirectory("ticket-test-");
            // Every test client comes from 127.0.0.1, and several tests send bad tokens on purpose: the failed-login
            // throttle (SPEC 7.1) is off here, and tested with its own settings on a real serve (TokenGuessingTest).
            ServerSettings base = ServerSettings.sqlite(dir, 0);
            base = base.withGuards(base.guards().withFailuresPerMinute(0));
            return new TestService(TicketApp.start(tweak.apply(base), clock), dir, true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String url() {
        return app.url();
    }

    public String adminToken() {
        return adminToken;
    }

    public Path dataDir() {
        return dataDir;
    }

    public TicketApp app() {
        return app;
    }

    /** An API client acting as the admin. */
    public ApiClient admin() {
        return admin;
    }

    /** Creates a user through the admin API; the result carries its token. */
    public User addUser(String name, Role role, String account) {
        return admin.post("/users", new NewUser(name, role, account)).expect(201).as(User.class);
    }

    /** An API client acting as a new user. */
    public ApiClient client(String name, Role role, String account) {
        return new ApiClient(url(), addUser(name, role, account).token());
    }

    @Override
    public void close() {
        app.close();
        if (ownsDir) {
            try (Stream<Path> files = Files.walk(dataDir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException e) {
                // a temporary directory left behind is harmless
            }
        }
    }
}
