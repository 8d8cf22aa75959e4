package dev.ticket.cli;

import picocli.CommandLine.Command;

/** The root command: {@code ticket}. */
@Command(name = "ticket", mixinStandardHelpOptions = true, sortOptions = false, version = "ticket 0.1.0",
        description = {"Support tickets from the terminal: open and follow tickets as a customer, answer them as "
                + "the support team, or open them from scripts.",
                "",
                "Connection: --server, else TICKET_SERVER, else the profile in the config file "
                        + "($XDG_CONFIG_HOME/ticket/config.json), else http://127.0.0.1:8765. "
                        + "Token: --token, else TICKET_TOKEN, else the profile's token (see 'ticket login')."},
        subcommands = {NewCommand.class, ListCommand.class, ShowCommand.class, ReplyCommand.class,
                AttachCommand.class, DownloadCommand.class,
                CloseCommand.class, WaitCommand.class, HoursCommand.class, LoginCommand.class, LogoutCommand.class,
                WhoamiCommand.class, TuiCommand.class, AdminCommand.class, CompletionCommand.class, ServeCommand.class},
        footer = {"", "Exit status: 0 success, 1 unexpected error, 2 usage or invalid input, 3 not authenticated "
                + "or not allowed, 4 not found, 5 ticket is closed, 6 service unreachable, 7 wait timed out.",
                "",
                "Examples:",
                "  ticket login --token \"$TOKEN\"",
                "  ticket new -t \"Booking link is blank\" -m \"Since yesterday the Concierge ...\"",
                "  ticket list -s on-customer",
                "  ticket show 42",
                "  ticket reply '#42' -m \"Here is the screenshot you asked for.\""})
public class TicketCommand extends BaseCommand {
    @Override
    protected int run() {
        spec.commandLine().usage(io.out());
        return ExitCodes.OK;
    }
}
