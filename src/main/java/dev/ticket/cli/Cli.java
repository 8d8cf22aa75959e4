package dev.ticket.cli;

import dev.ticket.cli.command.TicketCommand;
import dev.ticket.cli.config.Aliases;
import java.io.PrintWriter;
import java.util.Arrays;
import java.time.Clock;
import picocli.CommandLine;
import picocli.CommandLine.Help;

/** Builds the {@code ticket} command line over an {@link Io}: the one wiring used by Main and by tests. */
public final class Cli {
    static {
        // Picocli's default factory looks for Groovy's Closure class when first used: a failed lookup through
        // the whole jar and an exception (~8 ms of every command). There is no Groovy here.
        if (System.getProperty("picocli.disable.closures") == null) {
            System.setProperty("picocli.disable.closures", "true");
        }
        // Each command's parser would register converters for java.sql and java.time types by reflection,
        // initialising those classes: start-up work for nothing, as no option has such a type (--timeout
        // brings its own converter). picocli compiles the pattern again for each of the 19 types it checks, so it is
        // short: a list of the names was ~2 ms of ticket list, and '.' and '*' would link the lambdas of their nodes
        // (\w's is linked anyway, by picocli's patterns of negatable options).
        if (System.getProperty("picocli.converters.excludes") == null) {
            System.setProperty("picocli.converters.excludes", "java\\.(?:sql|time)\\.\\w+");
        }
    }

    private Cli() {
    }

    /**
     * Runs {@code ticket args...} and returns its exit code (rules.md, command line). When the first argument names
     * a subcommand that {@linkplain TicketCommand#standsAlone stands alone}, only that command's model is built,
     * under the name {@code ticket NAME} (its usage and errors read the same): the root's model, made by reflection
     * over its annotations and the global options, was a third of {@code ticket list}'s own start-up.
     */
    public static int run(Io io, Clock clock, String... given) {
        int code;
        try {
            String[] args = Aliases.expand(given, io.env());
            Class<?> alone = TicketCommand.standsAlone(args);
            if (alone != null) {
                CommandLine command = new CommandLine(alone, new CommandFactory(io, clock));
                command.setCommandName(TicketCommand.NAME + " " + args[0]);
                code = configure(command, io).execute(Arrays.copyOfRange(args, 1, args.length));
            } else {
                code = configure(TicketCommand.withSubcommands(root(io, clock), args), io).execute(args);
            }
        } catch (OutputFailedException e) { // while picocli printed help or usage
            code = outputFailed(io, e);
        }
        try {
            io.out().flush();
        } catch (OutputFailedException e) {
            code = code == ExitCodes.OK ? outputFailed(io, e) : code; // reported once
        }
        io.err().flush();
        return code;
    }

    private static int outputFailed(Io io, OutputFailedException e) {
        if (!e.closedByReader()) {
            io.err().println("ticket: " + e.getMessage());
        }
        return ExitCodes.of(e);
    }

    /** The whole command tree over {@code io}. */
    public static CommandLine commandLine(Io io, Clock clock) {
        return configure(TicketCommand.withSubcommands(root(io, clock), null), io);
    }

    private static CommandLine root(Io io, Clock clock) {
        return new CommandLine(TicketCommand.class, new CommandFactory(io, clock));
    }

    /** After the subcommands are added: picocli hands these settings down only to the subcommands it has. */
    private static CommandLine configure(CommandLine cl, Io io) {
        cl.setOut(new PrintWriter(io.out(), true));
        cl.setErr(new PrintWriter(io.err(), true));
        cl.setColorScheme(Help.defaultColorScheme(io.color(false) ? Help.Ansi.ON : Help.Ansi.OFF));
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setExecutionExceptionHandler(new ErrorReporter(io));
        cl.setParameterExceptionHandler(ErrorReporter::usage);
        cl.setExitCodeExceptionMapper(ExitCodes::of);
        // picocli prints a stack trace for a failure while it writes help or a version; one that writes standard
        // output goes to the ErrorReporter instead, as a command's would
        CommandLine.IExecutionStrategy strategy = cl.getExecutionStrategy();
        cl.setExecutionStrategy(parsed -> {
            try {
                return strategy.execute(parsed);
            } catch (OutputFailedException e) {
                throw new CommandLine.ExecutionException(cl, e.getMessage(), e);
            }
        });
        return cl;
    }
}
