package dev.ticket.cli.command;

import dev.ticket.cli.DurationConverter;
import dev.ticket.cli.config.ConfigFile;
import dev.ticket.model.ByteSizes;
import dev.ticket.server.Guards;
import dev.ticket.server.ServerSettings;
import dev.ticket.server.StreamSettings;
import dev.ticket.server.TicketApp;
import dev.ticket.server.TlsIdentity;
import dev.ticket.service.Bootstrap;
import dev.ticket.service.BusinessHours;
import dev.ticket.service.ServiceSettings;
import dev.ticket.store.DataDirLock;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.BindException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import sun.misc.Signal;

/** {@code ticket serve}: runs the service until SIGTERM or Ctrl+C, then finishes requests in flight. */
@Command(name = "serve", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Run the ticket service: the HTTP JSON API under /api/v1.",
                "Data lives in embedded SQLite under --data, or in PostgreSQL with --db. On first start with an "
                        + "empty store it creates an admin and writes its token to DATA_DIR/admin.token (0600)."},
        footer = {"", "Examples:",
                "  ticket serve --dev        # demo users, saved as profiles default and agent",
                "  ticket serve --port 9000 --data /var/lib/ticket",
                "  ticket serve --db jdbc:postgresql://db.internal/ticket?user=ticket",
                "  ticket serve --hours 09:00-18:00 --zone Europe/Berlin --holidays 2026-12-25",
                "  ticket serve --max-file-size 104857600    # files up to 100 MiB",
                "  ticket serve --bind 0.0.0.0 --port 8443 --tls-cert cert.pem --tls-key key.pem"})
public class ServeCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "8765", description = "Port to listen on (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--bind", paramLabel = "ADDRESS", defaultValue = "127.0.0.1", description = "Address to listen on (default: ${DEFAULT-VALUE}).")
    String bind;

    @Option(names = "--data", paramLabel = "DIR",
            description = "Data directory (default: $XDG_DATA_HOME/ticket, else ~/.local/share/ticket).")
    Path data;

    @Option(names = "--db", paramLabel = "JDBC_URL", description = "PostgreSQL instead of SQLite: jdbc:postgresql://...")
    String db;

    @Option(names = "--dev", description = "Also create a demo account with a customer and an agent, and save "
            + "their tokens as the CLI profiles 'default' and 'agent'; where those already point at another "
            + "service they are left alone and the demo gets 'dev' and 'dev-agent'.")
    boolean dev;

    @Option(names = "--zone", paramLabel = "ZONE", defaultValue = "Europe/Moscow", description = "Business hours time zone (default: ${DEFAULT-VALUE}).")
    String zone;

    @Option(names = "--hours", paramLabel = "HOURS", defaultValue = "10:00-19:00", description = "Business hours (default: ${DEFAULT-VALUE}).")
    String hours;

    @Option(names = "--workdays", paramLabel = "DAYS", defaultValue = "mon-fri", description = "Working days (default: ${DEFAULT-VALUE}).")
    String workdays;

    @Option(names = "--holidays", paramLabel = "DATES", description = "Holidays, comma-separated ISO dates.")
    String holidays;

    @Option(names = "--topics", paramLabel = "LIST", split = ",",
            description = "Topics offered for 'about' (default: Account settings,Finance,AI employees,Channels).")
    List<String> topics;

    @Option(names = "--max-file-size", paramLabel = "BYTES", defaultValue = "26214400",
            description = "Largest attachment accepted, in bytes (default: ${DEFAULT-VALUE}, 25 MiB).")
    long maxFileSize;

    @Option(names = "--max-files", paramLabel = "N", defaultValue = "10", description = "Most files on one message (default: ${DEFAULT-VALUE}).")
    int maxFiles;

    @Option(names = "--db-pool", paramLabel = "N", defaultValue = "8", description = "Database connections (default: ${DEFAULT-VALUE}).")
    int dbPool;

    @Option(names = "--tls-cert", paramLabel = "FILE",
            description = "Serve HTTPS with this PEM certificate (chain: the server's own first); needs --tls-key.")
    Path tlsCert;

    @Option(names = "--tls-key", paramLabel = "FILE",
            description = "The certificate's PEM private key (PKCS#8, PKCS#1 RSA or SEC1 EC; not encrypted).")
    Path tlsKey;

    @Option(names = "--write-rate", paramLabel = "N/min", defaultValue = "6000/min",
            description = "Writes each user may make a minute; past it 429 (default: ${DEFAULT-VALUE}; 0 = off).")
    String writeRate;

    @Option(names = "--account-quota", paramLabel = "SIZE",
            description = "Attachment storage each account may use, e.g. 10GiB; past it 413 (default: no quota).")
    String accountQuota;

    @Option(names = "--header-timeout", paramLabel = "DURATION", defaultValue = "10s", converter = DurationConverter.class,
            description = "Time a client has to send a request's headers; then 408 (default: ${DEFAULT-VALUE}).")
    Duration headerTimeout;

    @Option(names = "--min-body-rate", paramLabel = "BYTES/s", defaultValue = "1024",
            description = "Least rate a request body must keep, averaged over each --header-timeout; slower "
                    + "uploads are cut with 408 (default: ${DEFAULT-VALUE}; 0 = off).")
    long minBodyRate;

    @Option(names = "--auth-failures", paramLabel = "N/min", defaultValue = "20/min",
            description = "Failed authentications an address may make a minute before it is throttled "
                    + "(default: ${DEFAULT-VALUE}; 0 = off).")
    String authFailures;

    @Option(names = "--trusted-proxy", paramLabel = "CIDR",
            description = "A proxy whose X-Forwarded-For/Forwarded names the client (repeatable), e.g. 10.0.0.0/8.")
    List<String> trustedProxies;

    @Option(names = "--min-free-space", paramLabel = "SIZE", defaultValue = "100MiB",
            description = "Under this much free disk for data or uploads, /readyz answers 503 "
                    + "(default: ${DEFAULT-VALUE}).")
    String minFreeSpace;

    @Option(names = "--max-streams-per-user", paramLabel = "N", defaultValue = "100",
            description = "Open event streams one user may hold; more get 429 (default: ${DEFAULT-VALUE}).")
    int maxStreamsPerUser;

    @Option(names = "--max-streams", paramLabel = "N", defaultValue = "50000",
            description = "Open event streams in all; more get 503 (default: ${DEFAULT-VALUE}).")
    int maxStreams;

    @Option(names = "--stream-buffer", paramLabel = "BYTES", defaultValue = "1048576",
            description = "Unsent bytes an event stream may queue for a client that stops reading before it is "
                    + "closed (default: ${DEFAULT-VALUE}, 1 MiB).")
    long streamBuffer;

    @Option(names = "--keepalive", paramLabel = "DURATION", defaultValue = "15s", converter = DurationConverter.class,
            description = "Keep-alive comment interval on event streams, at most 15s (default: ${DEFAULT-VALUE}).")
    java.time.Duration keepAlive;

    @Option(names = "--request-log", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Log each request as one structured line on stderr (default: on).")
    boolean requestLog;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        ServerSettings settings = settings(System.getenv());
        CountDownLatch stop = stopSignal();
        TicketApp app;
        try {
            app = TicketApp.start(settings);
        } catch (IOException e) {
            if (e instanceof BindException || e.getCause() instanceof BindException) {
                String why = String.valueOf(e instanceof BindException ? e.getMessage() : e.getCause().getMessage());
                throw new ParameterException(spec.commandLine(), why.contains("in use") || why.contains("already")
                        ? "Port " + port + " on " + bind + " is in use; choose another with --port."
                        : "Cannot listen on " + bind + " port " + port + " (" + why + "); check --bind and --port.");
            }
            if (e instanceof DataDirLock.InUseException) {
                throw new ParameterException(spec.commandLine(), e.getMessage() + "; stop it, or give this one "
                        + "another --data.");
            }
            throw e;
        }
        out.println("ticket serve: listening on " + app.url() + " (" + (db == null ? "SQLite in " + settings.dataDir()
                : "PostgreSQL") + ")");
        if (app.adminCreated()) {
            out.println("Created the admin user; its token is in " + app.adminTokenFile() + " (mode 0600).");
        }
        if (dev) {
            saveDemoProfiles(app, out);
        }
        out.flush();
        stop.await();
        out.println("ticket serve: stopping (finishing requests in flight)");
        out.flush();
        app.close();
        return 0;
    }

    private void saveDemoProfiles(TicketApp app, PrintWriter out) {
        Bootstrap.DemoUsers demo = app.demoUsers();
        ConfigFile config = ConfigFile.load(System.getenv());
        String[] names = demoProfileNames(config, app.url());
        config.saveProfile(names[0], app.url(), demo.customer().token());
        config.saveProfile(names[1], app.url(), demo.agent().token());
        out.println("Demo account '" + Bootstrap.DEMO_ACCOUNT + "': saved CLI profiles '" + names[0] + "' ("
                + demo.customer().name() + ") and '" + names[1] + "' (" + demo.agent().name() + ") in "
                + config.path() + ".");
        if (names[0].equals(ConfigFile.DEFAULT_PROFILE)) {
            out.println("Try:  ticket new -t \"Cannot connect Telegram\" -m \"The channel stays offline\"");
            out.println("      ticket list --profile agent --awaiting team");
        } else {
            out.println("Your profiles 'default' and 'agent' point at another service and were left as they are. "
                    + "To use the demo:");
            out.println("      ticket --profile " + names[0] + " new -t \"Cannot connect Telegram\" -m \"Offline\"");
            out.println("      ticket --profile " + names[1] + " list --awaiting team");
            out.println("  or  export TICKET_PROFILE=" + names[0]);
        }
    }

    /**
     * The customer's and the agent's profile names for the demo users: 'default' and 'agent' when both are free (or
     * already point at this service), else the first free pair of 'dev'/'dev-agent', 'dev2'/'dev2-agent'...: a
     * profile that points at another service is the user's own and is never overwritten.
     */
    static String[] demoProfileNames(ConfigFile config, String url) {
        for (int n = 1; ; n++) {
            String customer = n == 1 ? ConfigFile.DEFAULT_PROFILE : n == 2 ? "dev" : "dev" + (n - 1);
            String agent = n == 1 ? "agent" : customer + "-agent";
            if (ours(config, customer, url) && ours(config, agent, url)) {
                return new String[] {customer, agent};
            }
        }
    }

    private static boolean ours(ConfigFile config, String name, String url) {
        return config.profile(name).map(p -> url.equals(p.server())).orElse(true);
    }

    public ServerSettings settings(Map<String, String> env) {
        BusinessHours businessHours;
        try {
            businessHours = BusinessHours.parse(zone, hours, workdays, holidays);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        if (port < 0 || port > 65535) {
            throw new ParameterException(spec.commandLine(), "--port must be between 0 and 65535.");
        }
        if (maxFileSize < 1 || maxFiles < 1 || dbPool < 1) {
            throw new ParameterException(spec.commandLine(), "--max-file-size, --max-files and --db-pool must be positive.");
        }
        if (db != null && !db.startsWith("jdbc:postgresql:")) {
            throw new ParameterException(spec.commandLine(), "--db takes a PostgreSQL JDBC URL: jdbc:postgresql://HOST/DB");
        }
        TlsIdentity tls = null;
        if ((tlsCert == null) != (tlsKey == null)) {
            throw new ParameterException(spec.commandLine(), "--tls-cert and --tls-key go together: give both "
                    + "to serve HTTPS, or neither.");
        }
        if (tlsCert != null) {
            try {
                tls = TlsIdentity.load(tlsCert, tlsKey);
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), "TLS: " + e.getMessage() + ".");
            }
        }
        if (maxStreamsPerUser < 1 || maxStreams < 1 || streamBuffer < 1) {
            throw new ParameterException(spec.commandLine(),
                    "--max-streams-per-user, --max-streams and --stream-buffer must be positive.");
        }
        if (keepAlive.isZero() || keepAlive.isNegative() || keepAlive.compareTo(StreamSettings.DEFAULT_KEEPALIVE) > 0) {
            throw new ParameterException(spec.commandLine(), "--keepalive must be more than 0 and at most 15s.");
        }
        StreamSettings streams = new StreamSettings(maxStreamsPerUser, maxStreams, streamBuffer, keepAlive);
        ServiceSettings service = new ServiceSettings(topics == null ? ServiceSettings.DEFAULT_TOPICS
                : topics.stream().map(String::strip).filter(t -> !t.isEmpty()).toList(), maxFileSize, maxFiles, 100_000,
                accountQuota == null ? 0 : size("--account-quota", accountQuota));
        return new ServerSettings(bind, port, data != null ? data : defaultDataDir(env), db, businessHours, service,
                dbPool, requestLog, streams, guards(), tls);
    }

    private Guards guards() {
        if (headerTimeout.isNegative() || headerTimeout.isZero() || minBodyRate < 0) {
            throw new ParameterException(spec.commandLine(),
                    "--header-timeout must be positive and --min-body-rate 0 or more.");
        }
        List<String> proxies = trustedProxies == null ? List.of() : trustedProxies.stream().map(String::strip).toList();
        for (String cidr : proxies) {
            try {
                Guards.validateProxy(cidr);
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), e.getMessage() + ".");
            }
        }
        return new Guards(perMinute("--write-rate", writeRate), headerTimeout, minBodyRate,
                perMinute("--auth-failures", authFailures), proxies, size("--min-free-space", minFreeSpace));
    }

    /** {@code 6000/min}, {@code 100/s} or a bare count a minute. */
    private int perMinute(String option, String value) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\s*(\\d{1,9})\\s*(?:/\\s*(min|m|s|sec|h))?\\s*")
                .matcher(value);
        if (!m.matches()) {
            throw new ParameterException(spec.commandLine(), option + " takes a rate such as 6000/min (0 = off), not '"
                    + value + "'.");
        }
        long n = Long.parseLong(m.group(1));
        String unit = m.group(2) == null ? "min" : m.group(2);
        long perMinute = unit.startsWith("s") ? n * 60 : unit.equals("h") ? (n + 59) / 60 : n;
        return (int) Math.min(Integer.MAX_VALUE, perMinute);
    }

    private long size(String option, String value) {
        try {
            return ByteSizes.parse(value);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), option + ": " + e.getMessage() + ".");
        }
    }

    public static Path defaultDataDir(Map<String, String> env) {
        String xdg = env.get("XDG_DATA_HOME");
        if (xdg != null && !xdg.isBlank()) {
            return Path.of(xdg, "ticket");
        }
        return ConfigFile.home(env).resolve(".local/share/ticket"); // the config file's home, so they stay together
    }

    /**
     * A latch released by SIGTERM or SIGINT, installed before the service starts so that a signal
     * right after start-up is not met by the JVM's own handling (exit 143, no graceful stop).
     */
    private static CountDownLatch stopSignal() {
        CountDownLatch stop = new CountDownLatch(1);
        for (String name : Arrays.asList("TERM", "INT")) {
            Signal.handle(new Signal(name), signal -> stop.countDown());
        }
        return stop;
    }
}
