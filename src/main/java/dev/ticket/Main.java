package dev.ticket;

import dev.ticket.cli.Cli;
import dev.ticket.cli.Io;
import dev.ticket.cli.OutputFailedException;
import dev.ticket.cli.Startup;
import dev.ticket.cli.SystemClock;
import dev.ticket.cli.output.Terminals;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.IntSupplier;

/** The entry point: the only place that touches the process's streams, environment and exit status. */
public final class Main {
    private Main() {
    }

    /**
     * The process: standard output is the descriptor itself, not System.out, whose PrintStream would keep a
     * failed write (a full disk, a closed pipe) to itself; rules.md, contract wants the first reported (exit 1) and the
     * second quiet, and both to stop the command.
     */
    public static void main(String[] args) {
        Startup.prepare(args);
        System.exit(Cli.run(systemIo(OutputFailedException.checked(new FileOutputStream(FileDescriptor.out))),
                new SystemClock(), args));
    }

    /**
     * Runs {@code ticket args...} on System.out, System.err and System.in and the process's environment, for
     * callers that redirect those streams (the class-data training, tests); returns the exit code.
     */
    public static int run(String... args) {
        Startup.prepare(args);
        return Cli.run(systemIo(System.out), new SystemClock(), args);
    }

    /** UTF-8 text over {@code stdout} and the process's other streams, whatever the platform encoding. */
    static Io systemIo(OutputStream stdout) {
        PrintStream out = new PrintStream(stdout, true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(System.err, true, StandardCharsets.UTF_8);
        boolean console = System.console() != null;
        boolean outTty = console || Terminals.isTerminal(1);
        boolean inTty = console || Terminals.isTerminal(0);
        Map<String, String> env = System.getenv();
        // a class, not a lambda: the process's first lambda pays for the JDK's lambda machinery (~3 ms), which
        // the warm-up thread of Startup has by then set going in parallel
        IntSupplier columns = new IntSupplier() {
            @Override
            public int getAsInt() {
                return Terminals.columns(env);
            }
        };
        return new Io(out, err, System.in, outTty, outTty && inTty, env, true, columns);
    }
}
