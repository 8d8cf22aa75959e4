package dev.ticket.cli;

import dev.ticket.client.TicketClient;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * What every command shares: the global options, the injected {@link Io} and {@link Clock}, and a
 * {@link TicketClient} built only if the command talks to the service.
 */
public abstract class BaseCommand implements Callable<Integer>, Injectable {
    @Mixin
    GlobalOptions ownOptions;

    @Spec
    CommandSpec spec;

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
            return run();
        } finally {
            if (client != null) {
                client.close();
            }
        }
    }

    /** Does the command's work; returns the exit code (failures are thrown and mapped by {@link ExitCodes}). */
    protected abstract int run() throws Exception;

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
            settings = Settings.resolve(options(), io.env());
        }
        return settings;
    }

    /** The API client for the resolved server and token; exit 3 when there is no token. */
    protected TicketClient client() {
        if (client == null) {
            Settings s = settings();
            if (s.token() == null) {
                throw new NotLoggedInException("not logged in (profile '" + s.profile() + "'): run 'ticket login' "
                        + "or set TICKET_TOKEN");
            }
            client = new TicketClient(s.clientConfig(s.token()));
        }
        return client;
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
