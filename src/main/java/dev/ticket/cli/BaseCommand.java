package dev.ticket.cli;

import dev.ticket.cli.command.ProfileCommand;
import dev.ticket.cli.config.ConfigFile;
import dev.ticket.cli.config.MeCache;
import dev.ticket.cli.config.Settings;
import dev.ticket.cli.output.JqFilter;
import dev.ticket.cli.output.Output;
import dev.ticket.client.ClientConfig;
import dev.ticket.client.HttpTicketClient;
import dev.ticket.client.TicketClient;
import dev.ticket.model.TerminalText;
import dev.ticket.model.User;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * What every command shares: the global options, the injected {@link Io} and {@link Clock}, a
 * {@link TicketClient} built only if the command talks to the service, and the form of its help: --help and
 * --version, options in the order declared, and its {@code footer} listed under "Examples:" (picocli hands a
 * class's {@code @Command} attributes down to its subclasses; theirs add the name, description and examples).
 */
@Command(mixinStandardHelpOptions = true, sortOptions = false, footerHeading = BaseCommand.EXAMPLES)
public abstract class BaseCommand implements Callable<Integer>, Injectable {
    /** The heading of a command's footer: its examples, one a line. */
    public static final String EXAMPLES = "%nExamples:%n";

    @Mixin
    GlobalOptions ownOptions;

    @Spec
    protected CommandSpec spec;

    protected Io io;
    protected Clock clock;
    private GlobalOptions options;
    private Settings settings;
    private TicketClient client;
    private Output output;

    @Override
    public void inject(Io io, Clock clock) {
        this.io = io;
        this.clock = clock;
    }

    @Override
    public final Integer call() throws Exception {
        try {
            if (!printsJson() && (options().json() || options().jq() != null)) {
                // rules.md, command line: --json is one JSON document on stdout, so it is not silently dropped
                throw new UsageException((options().jq() != null ? "--jq" : "--json") + ": '"
                        + spec.qualifiedName(" ") + "' prints no JSON");
            }
            if (options().jq() != null) {
                out().jq(JqFilter.compile(options().jq()));
            }
            return run();
        } finally {
            if (client != null) {
                client.close();
            }
        }
    }

    /**
     * The fields of what --json prints (of each element, for a list): those of the {@link PrintsJson} record;
     * empty when it prints no JSON.
     */
    protected List<String> jsonFields() {
        PrintsJson prints = getClass().getAnnotation(PrintsJson.class);
        if (prints == null) {
            return List.of();
        }
        List<String> omitted = List.of(prints.omit());
        return JsonFieldsOption.of(prints.value()).stream().filter(field -> !omitted.contains(field)).toList();
    }

    /** Whether the command can print JSON; one that cannot refuses --json and --jq (exit 2). */
    protected boolean printsJson() {
        return true;
    }

    /** How long to wait for each answer of the service: --timeout, else TICKET_TIMEOUT, else null (the default). */
    protected Duration timeout() {
        Duration given = options().timeout();
        if (given == null) {
            String env = io.env().get("TICKET_TIMEOUT");
            if (env != null && !env.isBlank()) {
                try {
                    given = DurationConverter.parse(env);
                } catch (CommandLine.TypeConversionException e) {
                    throw new UsageException("TICKET_TIMEOUT: " + e.getMessage());
                }
            }
        }
        if (given != null && (given.isZero() || given.isNegative())) {
            throw new UsageException("the timeout must be more than 0");
        }
        return given;
    }

    /** The client settings for this command: the server, the token and --timeout for each answer. */
    protected ClientConfig clientConfig(Settings settings, String token) {
        ClientConfig config = settings.clientConfig(token);
        Duration timeout = timeout();
        return timeout == null ? config : config.withReadTimeout(timeout);
    }

    /** With --verbose, the config that prints a line for each exchange (with its request id) on standard error. */
    protected ClientConfig traced(ClientConfig config) {
        if (!options().verbose()) {
            return config;
        }
        return config.withTrace(line -> {
            io.err().println("ticket: " + TerminalText.inertLine(line));
            io.err().flush();
        });
    }

    /** Does the command's work; returns the exit code (failures are thrown and mapped by {@link ExitCodes}). */
    protected abstract int run() throws Exception;

    /** The client options given on this very command: see {@link GlobalOptions#clientOptionsGiven}. */
    public List<String> clientOptionsGiven() {
        return ownOptions.clientOptionsGiven();
    }

    /** The global options given on this command or any command before it. */
    protected GlobalOptions options() {
        if (options == null) {
            GlobalOptions merged = ownOptions;
            for (CommandSpec parent = spec.parent(); parent != null; parent = parent.parent()) {
                Object command = parent.userObject();
                if (command instanceof BaseCommand) {
                    merged = merged.over(((BaseCommand) command).ownOptions);
                }
            }
            options = merged;
        }
        return options;
    }

    protected Settings settings() {
        if (settings == null) {
            if (options().token() != null && options().token().isBlank()) {
                // an empty "$TOKEN" would otherwise fall back to TICKET_TOKEN or the profile's token unannounced
                throw new UsageException("--token is empty: give a token, or leave --token out to use "
                        + "TICKET_TOKEN or the profile's");
            }
            settings = Settings.resolve(options(), io.env());
            // a profile named by --profile or TICKET_PROFILE must exist (rules.md, command line: the variable
            // stands for the flag); else 'not logged in' would send the user to log in to a typo
            String named = settings.profile();
            if (settings.profileFrom() != null && !createsProfile() && !named.equals(ConfigFile.DEFAULT_PROFILE)
                    && settings.config().profile(named).isEmpty()) {
                UsageException unknown = ProfileCommand.unknown(named, settings.config());
                throw settings.profileFrom().equals("--profile") ? unknown
                        : new UsageException(settings.profileFrom() + ": " + unknown.getMessage());
            }
        }
        return settings;
    }

    /** Whether this command makes the profile --profile names (login), rather than needing it to exist. */
    protected boolean createsProfile() {
        return false;
    }

    /** The API client for the resolved server and token; exit 3 when there is no token. */
    protected TicketClient client() {
        if (client == null) {
            Settings s = settings();
            if (s.token() == null) {
                throw new NotLoggedInException("not logged in (profile '" + s.profile() + "'): run 'ticket login' "
                        + "or set TICKET_TOKEN");
            }
            client = new HttpTicketClient(traced(clientConfig(s, s.token())));
        }
        return client;
    }

    /**
     * The caller: kept in the {@link MeCache} for ten minutes (an id and a role never change), else asked of the
     * service and kept.
     */
    protected User me() {
        Settings s = settings();
        User kept = s.token() == null ? null : MeCache.read(io.env(), s.server(), s.token());
        if (kept != null) {
            return kept;
        }
        User asked = client().me();
        MeCache.write(io.env(), s.server(), s.token(), asked);
        return asked;
    }

    /**
     * Which option fills which API field (field → option name, or words for a field no option fills), so a
     * refusal naming the field can name the flag instead ({@link FlagNames}); none by default.
     */
    protected java.util.Map<String, String> apiFields() {
        return java.util.Map.of();
    }

    /** The sentence with the API fields it names told as this command's flags. */
    String withFlags(String sentence) {
        return FlagNames.rewrite(sentence, apiFields(), spec);
    }

    protected Output out() {
        if (output == null) {
            output = new Output(io, options(), clock);
        }
        return output;
    }
}
