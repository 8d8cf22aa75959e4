package dev.ticket.cli.command;

import dev.ticket.cli.BaseCommand;
import dev.ticket.cli.ExitCodes;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The root command: {@code ticket}. Its subcommands are added by code rather than by the annotation, so a
 * run can build only the one it needs: picocli reflects over every command it is given, and doing that for
 * all of them cost a good part of {@code ticket list}'s start-up.
 */
@Command(name = "ticket", version = "ticket 0.1.0", footerHeading = "%n",
        description = {"Support tickets from the terminal: open and follow tickets as a customer, answer them as "
                + "the support team, or open them from scripts.",
                "",
                "Connection: --server, else TICKET_SERVER, else the profile in the config file "
                        + "($XDG_CONFIG_HOME/ticket/config.json, else ~/.config/ticket/config.json), else http://127.0.0.1:8765. "
                        + "Token: --token, else TICKET_TOKEN, else the profile's token (see 'ticket login')."},
        footer = {"Exit status: 0 success, 1 unexpected error, 2 usage or invalid input, 3 not authenticated "
                + "or not allowed, 4 not found, 5 ticket is closed, 6 service unreachable, 7 wait timed out.",
                "",
                "Examples:",
                "  ticket login --token \"$TOKEN\"",
                "  ticket new -t \"Booking link is blank\" -m \"Since yesterday the Concierge ...\"",
                "  ticket list -s on-customer",
                "  ticket show 42",
                "  ticket reply '#42' -m \"Here is the screenshot you asked for.\""})
public class TicketCommand extends BaseCommand {
    /** Every subcommand by name, in the order the help lists them. */
    public static final Map<String, Class<?>> SUBCOMMANDS = new LinkedHashMap<>();

    static {
        SUBCOMMANDS.put("new", NewCommand.class);
        SUBCOMMANDS.put("list", ListCommand.class);
        SUBCOMMANDS.put("inbox", InboxCommand.class);
        SUBCOMMANDS.put("show", ShowCommand.class);
        SUBCOMMANDS.put("reply", ReplyCommand.class);
        SUBCOMMANDS.put("attach", AttachCommand.class);
        SUBCOMMANDS.put("download", DownloadCommand.class);
        SUBCOMMANDS.put("close", CloseCommand.class);
        SUBCOMMANDS.put("redact", RedactCommand.class);
        SUBCOMMANDS.put("assign", AssignCommand.class);
        SUBCOMMANDS.put("unassign", UnassignCommand.class);
        SUBCOMMANDS.put("wait", WaitCommand.class);
        SUBCOMMANDS.put("hours", HoursCommand.class);
        SUBCOMMANDS.put("login", LoginCommand.class);
        SUBCOMMANDS.put("logout", LogoutCommand.class);
        SUBCOMMANDS.put("whoami", WhoamiCommand.class);
        SUBCOMMANDS.put("tui", TuiCommand.class);
        SUBCOMMANDS.put("profile", ProfileCommand.class);
        SUBCOMMANDS.put("alias", AliasCommand.class);
        SUBCOMMANDS.put("help", HelpCommand.class);
        SUBCOMMANDS.put("admin", AdminCommand.class);
        SUBCOMMANDS.put("completion", CompletionCommand.class);
        SUBCOMMANDS.put("serve", ServeCommand.class);
    }

    /** The whole command tree, as help, man pages and completion scripts describe it. */
    public static CommandLine tree() {
        return withSubcommands(new CommandLine(TicketCommand.class), null);
    }

    /**
     * Adds the subcommand {@code args} name to {@code root}, or every subcommand when they name none that
     * stands alone (no subcommand: the root's help; a misspelt one: picocli's suggestions; completion: the
     * script describes them all). {@code args} null means every one.
     */
    public static CommandLine withSubcommands(CommandLine root, String[] args) {
        String wanted = args == null ? null : subcommandIn(args);
        if (wanted == null && args != null && versionOnly(args)) {
            return root;
        }
        if (wanted != null && SUBCOMMANDS.containsKey(wanted) && !wanted.equals("completion")
                && !wanted.equals("help")) {
            root.addSubcommand(SUBCOMMANDS.get(wanted));
        } else {
            SUBCOMMANDS.values().forEach(root::addSubcommand);
        }
        return root;
    }

    /** {@code ticket --version}: the root answers it alone. */
    private static boolean versionOnly(String[] args) {
        List<String> list = List.of(args);
        return (list.contains("-V") || list.contains("--version")) && !list.contains("-h") && !list.contains("--help");
    }

    /** The first argument that is neither an option nor the value of a global option (as the launcher reads it). */
    public static String subcommandIn(String[] args) {
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--server") || arg.equals("--token") || arg.equals("--profile") || arg.equals("--jq")
                    || arg.equals("--timeout")) {
                i++;
            } else if (arg.equals("--") || arg.equals("-h") || arg.equals("--help")) {
                return null; // the root's own help lists every subcommand
            } else if (!arg.startsWith("-")) {
                return arg;
            }
        }
        return null;
    }
    @Override
    protected int run() {
        spec.commandLine().usage(io.out());
        return ExitCodes.OK;
    }
}
