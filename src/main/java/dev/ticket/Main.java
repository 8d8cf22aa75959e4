package dev.ticket;

import dev.ticket.cli.TicketCommand;
import picocli.CommandLine;

/** The entry point: the only place that touches System.exit. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new TicketCommand()).execute(args));
    }
}
