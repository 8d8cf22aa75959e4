package dev.ticket;

import dev.ticket.cli.Cli;
import dev.ticket.cli.Io;
import dev.ticket.cli.Terminals;
import java.io.BufferedInputStream;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.InputStream;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;

/** The entry point: the only place that touches the process's streams, environment and exit status. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        System.exit(Cli.run(systemIo(), Clock.systemDefaultZone(), args));
    }

    /** UTF-8 streams over the process's own descriptors, whatever the platform encoding. */
    static Io systemIo() {
        PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
        boolean console = System.console() != null;
        boolean outTty = console || Terminals.isTerminal(1);
        boolean inTty = console || Terminals.isTerminal(0);
        Map<String, String> env = System.getenv();
        // buffered: FileInputStream.readAllBytes seeks, which fails on a pipe ("Illegal seek")
        InputStream in = new BufferedInputStream(new FileInputStream(FileDescriptor.in));
        return new Io(out, err, in, outTty, outTty && inTty, env, true,
                () -> Terminals.columns(env));
    }
}
