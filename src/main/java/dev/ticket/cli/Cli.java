package dev.ticket.cli;

import java.io.PrintWriter;
import java.time.Clock;
import picocli.CommandLine;
import picocli.CommandLine.Help;

/** Builds the {@code ticket} command line over an {@link Io}: the one wiring used by Main and by tests. */
public final class Cli {
    private Cli() {
    }

    /** Runs {@code ticket args...} and returns its exit code (SPEC section 3). */
    public static int run(Io io, Clock clock, String... args) {
        int code = commandLine(io, clock).execute(args);
        io.out().flush();
        io.err().flush();
        return code;
    }

    public static CommandLine commandLine(Io io, Clock clock) {
        CommandLine cl = new CommandLine(TicketCommand.class, new CommandFactory(io, clock));
        cl.setOut(new PrintWriter(io.out(), true));
        cl.setErr(new PrintWriter(io.err(), true));
        cl.setColorScheme(Help.defaultColorScheme(io.color(false) ? Help.Ansi.ON : Help.Ansi.OFF));
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setExecutionExceptionHandler(new ErrorReporter(io));
        cl.setParameterExceptionHandler(ErrorReporter::usage);
        cl.setExitCodeExceptionMapper(ExitCodes::of);
        return cl;
    }
}
