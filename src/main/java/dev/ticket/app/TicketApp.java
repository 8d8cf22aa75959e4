package dev.ticket.app;

import dev.ticket.model.User;
import dev.ticket.server.ServerSettings;
import dev.ticket.server.TicketServer;
import dev.ticket.service.AccountService;
import dev.ticket.service.Bootstrap;
import dev.ticket.server.ServiceMetrics;
import dev.ticket.service.Backups;
import dev.ticket.service.EventFeed;
import dev.ticket.service.TicketService;
import dev.ticket.store.DataDirLock;
import dev.ticket.store.DataDirModes;
import dev.ticket.store.JdbcTicketStore;
import dev.ticket.store.PgReach;
import dev.ticket.store.TicketStore;
import java.io.IOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.Optional;

/** The running service: store, rules and HTTP wired together (the composition root of {@code ticket serve}). */
public final class TicketApp implements AutoCloseable {
    public static final String ADMIN_TOKEN_FILE = "admin.token";

    private final DataDirLock lock;
    private final TicketStore store;
    private final TicketServer server;
    private final AccountService accounts;
    private final Path adminTokenFile;
    private final boolean adminCreated;
    private final String bind;
    private final boolean tls;

    private TicketApp(DataDirLock lock, TicketStore store, TicketServer server, AccountService accounts,
                      Path adminTokenFile, boolean adminCreated, String bind, boolean tls) {
        this.lock = lock;
        this.store = store;
        this.server = server;
        this.accounts = accounts;
        this.adminTokenFile = adminTokenFile;
        this.adminCreated = adminCreated;
        this.bind = bind;
        this.tls = tls;
    }

    /** Opens the store (migrating it), creates the first admin if the store is empty, and starts HTTP. */
    public static TicketApp start(ServerSettings settings) throws IOException {
        return start(settings, Clock.systemUTC());
    }

    /** As {@link #start(ServerSettings)} with the clock the rules read (tests move it to check time limits). */
    public static TicketApp start(ServerSettings settings, Clock clock) throws IOException {
        // before anything in the directory is touched: a second service there would sweep this one's uploads
        DataDirLock lock = DataDirLock.acquire(settings.dataDir());
        TicketStore store;
        try {
            probePort(settings);
            if (settings.dbUrl() != null) {
                PgReach.check(settings.dbUrl()); // a bad --db in one sentence, before the pools open
            } else {
                DataDirModes.securePrivate(settings.dataDir());
            }
            store = settings.dbUrl() == null
                    ? JdbcTicketStore.openSqlite(settings.dataDir(), settings.dbPoolSize())
                    : JdbcTicketStore.openPostgres(settings.dbUrl(), settings.dbPoolSize(),
                            settings.dataDir().resolve("spool"));
        } catch (IOException | RuntimeException e) {
            lock.close();
            throw e;
        }
        try {
            AccountService accounts = new AccountService(store, clock);
            TicketService tickets = new TicketService(store, settings.hours(), settings.service(), clock);
            tickets.attachments().sweepOrphans();
            Path tokenFile = settings.dataDir().resolve(ADMIN_TOKEN_FILE);
            Optional<User> admin = store.alone(() -> new Bootstrap(accounts).adminIfEmpty());
            if (admin.isPresent()) {
                writeSecret(tokenFile, admin.get().token());
            }
            ServiceMetrics metrics = new ServiceMetrics();
            tickets.bindMetrics(metrics.registry());
            metrics.disk(settings.dataDir());
            TicketServer server = TicketServer.start(settings, new EventFeed(store), store::ready, tickets, accounts,
                    new Backups(store), clock, metrics);
            return new TicketApp(lock, store, server, accounts, tokenFile, admin.isPresent(), settings.bind(),
                    settings.tls() != null);
        } catch (IOException | RuntimeException e) {
            try {
                store.close();
            } finally {
                lock.close();
            }
            throw e;
        }
    }

    /**
     * A {@link BindException} when the port is taken, found before the store is opened: a service that cannot
     * listen then creates nothing (no database, no admin token it would never report). Jetty binds the port
     * itself a moment later, so a race can still end there, with the same exception.
     */
    private static void probePort(ServerSettings settings) throws BindException {
        if (settings.port() == 0) {
            return;
        }
        try (ServerSocket probe = new ServerSocket()) {
            probe.setReuseAddress(true); // as Jetty binds
            probe.bind(new InetSocketAddress(settings.bind(), settings.port()));
        } catch (BindException e) {
            throw e;
        } catch (IOException e) {
            // anything else (an address that does not resolve) is Jetty's to report
        }
    }

    /** The demo account's customer and agent with fresh tokens ({@code --dev}). */
    public Bootstrap.DemoUsers demoUsers() {
        return new Bootstrap(accounts).demoUsers();
    }

    /** As {@link #demoUsers()}, keeping a saved token that still signs its demo user in. */
    public Bootstrap.DemoUsers demoUsers(String savedCustomerToken, String savedAgentToken) {
        return new Bootstrap(accounts).demoUsers(savedCustomerToken, savedAgentToken);
    }

    /** Writes a secret readable by the owner only (0600), creating it with those permissions. */
    public static void writeSecret(Path file, String secret) throws IOException {
        Files.createDirectories(file.getParent());
        Files.deleteIfExists(file);
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException e) {
            Files.createFile(file);
        }
        Files.writeString(file, secret + "\n", StandardOpenOption.TRUNCATE_EXISTING);
    }

    public int port() {
        return server.port();
    }

    /** The base URL clients on this machine use. */
    public String url() {
        String host = bind.equals("0.0.0.0") || bind.equals("::") ? "127.0.0.1" : bind;
        return (tls ? "https://" : "http://") + (host.contains(":") ? "[" + host + "]" : host) + ":" + port();
    }

    public boolean adminCreated() {
        return adminCreated;
    }

    public Path adminTokenFile() {
        return adminTokenFile;
    }

    public TicketServer server() {
        return server;
    }

    /** Finishes requests in flight, then closes the store. */
    @Override
    public void close() {
        try {
            server.close();
        } finally {
            try {
                store.close();
            } finally {
                lock.close();
            }
        }
    }
}
