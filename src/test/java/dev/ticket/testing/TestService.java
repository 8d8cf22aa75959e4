package dev.ticket.testing;

import dev.ticket.app.TicketApp;
import dev.ticket.files.Trees;
import dev.ticket.model.Role;
import dev.ticket.model.User;
import dev.ticket.server.ServerSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.function.UnaryOperator;

/**
 * A real {@code ticket serve} in this JVM on 127.0.0.1, port 0, over a temporary SQLite directory.
 *
 * <p>Either started at once ({@link #start()}), or one per test class as a JUnit extension, started before the
 * class's first test and closed after its last:
 * <pre>{@code @RegisterExtension static final TestService service = TestService.perClass();}</pre>
 */
public final class TestService extends ClassResource {
    private final UnaryOperator<ServerSettings> tweak;
    private final Clock clock;
    private TicketApp app;
    private Path dataDir;
    private String adminToken;
    private ApiClient admin;
    private ApiClient customer;
    private ApiClient agent;

    private TestService(UnaryOperator<ServerSettings> tweak, Clock clock) {
        this.tweak = tweak;
        this.clock = clock;
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
        TestService service = perClass(tweak, clock);
        service.open();
        return service;
    }

    /** A service for one test class: register it with {@code @RegisterExtension} on a static field. */
    public static TestService perClass() {
        return perClass(UnaryOperator.identity());
    }

    public static TestService perClass(UnaryOperator<ServerSettings> tweak) {
        return perClass(tweak, Clock.systemUTC());
    }

    public static TestService perClass(UnaryOperator<ServerSettings> tweak, Clock clock) {
        return new TestService(tweak, clock);
    }

    @Override
    protected void open() {
        try {
            dataDir = Files.createTempDirectory("ticket-test-");
            // Every test client comes from 127.0.0.1, and several tests send bad tokens on purpose: the failed-login
            // throttle (SPEC 7.1) is off here, and tested with its own settings on a real serve (TokenGuessingTest).
            ServerSettings base = ServerSettings.sqlite(dataDir, 0);
            base = base.withGuards(base.guards().withFailuresPerMinute(0));
            app = TicketApp.start(tweak.apply(base), clock);
            adminToken = Files.readString(dataDir.resolve(TicketApp.ADMIN_TOKEN_FILE)).strip();
            admin = new ApiClient(url(), adminToken);
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
        return admin.addUser(name, role, account);
    }

    /** An API client acting as a new user. */
    public ApiClient client(String name, Role role, String account) {
        return new ApiClient(url(), addUser(name, role, account).token());
    }

    /** The customer of most tests: Olga of account acme, made on first use and the same for the rest of the class. */
    public synchronized ApiClient customer() {
        if (customer == null) {
            customer = client("Olga", Role.CUSTOMER, "acme");
        }
        return customer;
    }

    /** The agent of most tests: Sam, made on first use and the same for the rest of the class. */
    public synchronized ApiClient agent() {
        if (agent == null) {
            agent = client("Sam", Role.AGENT, null);
        }
        return agent;
    }

    @Override
    public void close() {
        app.close();
        Trees.delete(dataDir);
    }
}
