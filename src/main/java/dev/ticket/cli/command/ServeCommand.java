package dev.ticket.cli.command;

import dev.ticket.app.Serve;
import dev.ticket.app.ServeOptions;
import dev.ticket.cli.BaseCommand;
import dev.ticket.cli.DurationConverter;
import dev.ticket.cli.Injectable;
import dev.ticket.cli.Io;
import dev.ticket.cli.SizeConverter;
import dev.ticket.cli.Startup;
import dev.ticket.cli.config.ConfigFile;
import dev.ticket.client.UnavailableException;
import dev.ticket.files.BackupArchive;
import dev.ticket.model.TerminalText;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.BindException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
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
@Command(name = "serve", mixinStandardHelpOptions = true, sortOptions = false, footerHeading = BaseCommand.EXAMPLES,
        description = {"Run the ticket service: the HTTP JSON API under /api/v1.",
                "Data lives in embedded SQLite under --data, or in PostgreSQL with --db. On first start with an "
                        + "empty store it creates an admin and writes its token to DATA_DIR/admin.token (0600)."},
        footer = {"  ticket serve --dev        # demo users, saved as profiles default and agent",
                "  ticket serve --port 9000 --data /var/lib/ticket",
                "  ticket serve --db jdbc:postgresql://db.internal/ticket?user=ticket",
                "  ticket serve --hours 09:00-18:00 --zone Europe/Berlin --holidays 2026-12-25",
                "  ticket serve --max-file-size 100MiB    # files up to 100 MiB",
                "  ticket serve --bind 0.0.0.0 --port 8443 --tls-cert cert.pem --tls-key key.pem",
                "  ticket serve --log-format json 2>> /var/log/ticket.jsonl",
                "  ticket serve --metrics-port 9464    # curl http://127.0.0.1:9464/metrics",
                "  ticket serve --restore ticket-2026-12-06.tar --data /var/lib/ticket-new"})
public class ServeCommand implements Callable<Integer>, Injectable {
    @Spec
    CommandSpec spec;

    private Map<String, String> env = Map.of(); // the process's, from Main through CommandFactory

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

    @Option(names = "--max-file-size", paramLabel = "SIZE", defaultValue = "25MiB", converter = SizeConverter.class,
            description = "Largest attachment accepted, e.g. 100MiB or bytes (default: ${DEFAULT-VALUE}).")
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

    @Option(names = "--stream-buffer", paramLabel = "SIZE", defaultValue = "1MiB", converter = SizeConverter.class,
            description = "Unsent bytes an event stream may queue for a client that stops reading before it is "
                    + "closed (default: ${DEFAULT-VALUE}).")
    long streamBuffer;

    @Option(names = "--keepalive", paramLabel = "DURATION", defaultValue = "15s", converter = DurationConverter.class,
            description = "Keep-alive comment interval on event streams, at most 15s (default: ${DEFAULT-VALUE}).")
    java.time.Duration keepAlive;

    @Option(names = "--request-log", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Log each request as one structured line on stderr (default: on).")
    boolean requestLog;

    @Option(names = "--restore", paramLabel = "FILE",
            description = "First restore this backup (from 'ticket admin backup') into --data, which must be empty "
                    + "or missing; every file is checked against the archive's manifest before any is put in place.")
    Path restore;

    @Option(names = "--log-format", paramLabel = "FORMAT", defaultValue = "text", converter = LogFormats.class,
            completionCandidates = LogFormats.class,
            description = "The log on stderr: text lines, or json (one object a line: time, level, message, and for "
                    + "requests request_id, client_address, route, method, status, duration_ms, user_id) "
                    + "(default: ${DEFAULT-VALUE}).")
    LogFormat logFormat;

    /** How the log is written. */
    enum LogFormat { TEXT, JSON }

    /** {@code text} or {@code json}; else the error our other closed sets give. */
    public static final class LogFormats extends Choices.Choice<LogFormat> {
        public LogFormats() {
            super(LogFormat.class, "text", "json");
        }
    }

    @Option(names = "--metrics-port", paramLabel = "PORT",
            description = "Also serve GET /metrics (Prometheus text) without a token on 127.0.0.1:PORT only; on "
                    + "the API port /metrics needs an admin token.")
    Integer metricsPort;

    // Of the global options (rules.md, command line) the two that mean something to a service: serve is no
    // BaseCommand, whose mixin would also take --server, --token, --json and the rest and ignore them. Picocli
    // reports --verbose to the ErrorReporter wherever on the line it was given.
    @Option(names = "--no-color", description = "Taken as every command takes it; the service prints no colour.")
    boolean noColor;

    @Option(names = "--verbose", description = "Explain a failure to start in full, with its stack trace.")
    boolean verbose;

    /** {@code ticket --json serve}: the root took the option for serve, which would drop it unannounced. */
    private void refuseClientOptionsBefore() {
        if (spec.parent() != null && spec.parent().userObject() instanceof BaseCommand root
                && !root.clientOptionsGiven().isEmpty()) {
            String option = root.clientOptionsGiven().get(0);
            throw new dev.ticket.cli.UsageException(option.equals("--json") || option.equals("--jq")
                    ? option + ": 'ticket serve' prints no JSON"
                    : option + ": 'ticket serve' is the service, not a client of one (see 'ticket serve --help')");
        }
    }

    @Override
    public void inject(Io io, Clock clock) {
        this.env = io.env();
    }

    @Override
    public Integer call() throws Exception {
        refuseClientOptionsBefore();
        PrintWriter out = spec.commandLine().getOut();
        if (metricsPort != null && (metricsPort < 0 || metricsPort > 65535)) {
            throw new ParameterException(spec.commandLine(), "--metrics-port must be between 0 and 65535.");
        }
        Serve.logFormat(logFormat.name().toLowerCase(java.util.Locale.ROOT));
        ServeOptions options = options(env);
        Serve.Plan plan;
        try {
            plan = Serve.plan(options);
        } catch (ServeOptions.Invalid e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        if (restore != null) {
            restoreInto(options.dataDir(), out);
        }
        CountDownLatch stop = stopSignal();
        Serve app;
        try {
            app = Serve.start(plan);
        } catch (IOException e) {
            if (e instanceof BindException || e.getCause() instanceof BindException) {
                String why = String.valueOf(e instanceof BindException ? e.getMessage() : e.getCause().getMessage());
                throw new ParameterException(spec.commandLine(), why.contains("in use") || why.contains("already")
                        ? "port " + port + " on " + bind + " is in use; choose another with --port."
                        : "cannot listen on " + bind + " port " + port + " (" + why + "); check --bind and --port.");
            }
            if (e instanceof Serve.CannotStart cannot) {
                if (cannot.why() == Serve.CannotStart.Why.DATABASE_AWAY) { // exit 6, as a service out of reach
                    throw new UnavailableException(e.getMessage(), null, e);
                }
                throw new ParameterException(spec.commandLine(), (cannot.why() == Serve.CannotStart.Why.DATA_DIR
                        ? "--data: " : "--db: ") + e.getMessage(), e);
            }
            if (e instanceof Serve.DataDirInUse) {
                throw new ParameterException(spec.commandLine(), e.getMessage() + "; stop it, or give this one "
                        + "another --data.");
            }
            throw e;
        }
        out.println("ticket serve: listening on " + app.url() + " (" + (db == null ? "SQLite in " + options.dataDir()
                : "PostgreSQL") + ")");
        if (metricsPort != null) {
            out.println("ticket serve: metrics on http://127.0.0.1:" + metrics(app) + "/metrics");
        }
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

    /** Starts the loopback metrics listener; a usage error (after stopping the service) when its port is taken. */
    private int metrics(Serve app) {
        try {
            return app.serveMetricsOnLoopback(metricsPort);
        } catch (IOException e) {
            app.close();
            throw new ParameterException(spec.commandLine(), "cannot serve metrics on 127.0.0.1 port " + metricsPort
                    + " (" + e.getMessage() + "); choose another --metrics-port.");
        }
    }

    /** {@code --restore}: a SQLite backup into an empty data directory, checked whole before anything is kept. */
    private void restoreInto(Path dataDir, PrintWriter out) {
        if (db != null) {
            throw new ParameterException(spec.commandLine(), "--restore restores a backup of a SQLite service "
                    + "into --data; a PostgreSQL database is restored with pg_restore.");
        }
        try {
            if (Files.exists(dataDir) && !BackupArchive.isEmptyDirectory(dataDir)) {
                throw new ParameterException(spec.commandLine(), "--restore needs an empty or missing --data "
                        + "directory, and " + dataDir + " is not empty; nothing was changed.");
            }
            BackupArchive.Manifest m = BackupArchive.restore(restore, dataDir);
            out.println("Restored " + restore + " (taken " + TerminalText.inertLine(m.createdAt()) + ") into "
                    + dataDir + ": " + m.summary() + ", every SHA-256 checked.");
        } catch (java.nio.file.NoSuchFileException e) {
            throw new ParameterException(spec.commandLine(), "cannot restore " + restore + ": no such file.");
        } catch (IOException e) {
            throw new ParameterException(spec.commandLine(), "cannot restore " + restore + ": " + e.getMessage()
                    + "; " + dataDir + " was left as it was.");
        }
    }

    private void saveDemoProfiles(Serve app, PrintWriter out) {
        ConfigFile config = ConfigFile.load(env);
        String[] names = demoProfileNames(config, app.url());
        Serve.Demo demo = app.demo(savedToken(config, names[0]), savedToken(config, names[1]));
        config.saveProfile(names[0], app.url(), demo.customerToken());
        config.saveProfile(names[1], app.url(), demo.agentToken());
        out.println("Demo account '" + demo.account() + "': saved CLI profiles '" + names[0] + "' ("
                + demo.customerName() + ") and '" + names[1] + "' (" + demo.agentName() + ") in "
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

    private static String savedToken(ConfigFile config, String profile) {
        return config.profile(profile).map(ConfigFile.Profile::token).orElse(null);
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

    /** The options as given, with the data directory resolved against {@code env}; checked by the service. */
    public ServeOptions options(Map<String, String> env) {
        return new ServeOptions(bind, port, data != null ? data : defaultDataDir(env), db, zone, hours, workdays,
                holidays, topics, maxFileSize, maxFiles, dbPool, tlsCert, tlsKey, writeRate, accountQuota,
                headerTimeout, minBodyRate, authFailures, trustedProxies, minFreeSpace, maxStreamsPerUser, maxStreams,
                streamBuffer, keepAlive, requestLog);
    }

    /** Starts the service's one-time library initialisation early ({@link Startup}); see {@link Serve#preload}. */
    public static void preload(boolean sqlite) {
        Serve.preload(sqlite);
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
