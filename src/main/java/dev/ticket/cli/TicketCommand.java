package dev.ticket.cli;

import picocli.CommandLine.Command;

/** The root command: {@code ticket}. */
@Command(name = "ticket", mixinStandardHelpOptions = true, version = "ticket 0.1.0",
        description = "Support tickets from the terminal.",
        subcommands = {ServeCommand.class})
public class TicketCommand {
}
