package dev.ticket.cli.command;

import dev.ticket.cli.BaseCommand;
import dev.ticket.cli.ExitCodes;
import dev.ticket.cli.config.Aliases;
import dev.ticket.cli.config.ConfigFile;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code ticket help [COMMAND...]}: the same text as {@code ticket COMMAND... --help}. */
@Command(name = "help",
        description = {"Show the help of a command: the same text as 'ticket COMMAND --help'.",
                "Without a command, the overview of every command. An unknown command is exit 2."},
        footer = {
                "  ticket help list",
                "  ticket help admin user add"})
public class HelpCommand extends BaseCommand {
    @Parameters(paramLabel = "COMMAND", arity = "0..*", completionCandidates = HelpCommand.Names.class,
            description = "The command, and its subcommand for a group (admin user add).")
    List<String> names = new ArrayList<>();

    @Override
    protected boolean printsJson() {
        return false;
    }

    @Override
    protected int run() {
        CommandLine target = spec.parent().commandLine();
        List<String> path = new ArrayList<>();
        for (String name : names) {
            CommandLine sub = target.getSubcommands().get(name);
            path.add(name);
            String expansion = sub == null && path.size() == 1 ? alias(name) : null;
            if (expansion != null) {
                String command = TicketCommand.subcommandIn(Aliases.split(expansion).toArray(new String[0]));
                io.out().println("'" + name + "' is an alias: 'ticket " + name + " ARGS...' runs 'ticket "
                        + expansion + " ARGS...'. See 'ticket help " + command + "'.");
                return ExitCodes.OK;
            }
            if (sub == null) {
                // the words and the help pointer of 'ticket NAME...' itself (ErrorReporter.usage)
                throw new CommandLine.UnmatchedArgumentException(target, List.of(name));
            }
            target = sub;
        }
        target.usage(io.out());
        return ExitCodes.OK;
    }

    /** The expansion of the user's alias NAME, or null (also when the config file cannot be read). */
    private String alias(String name) {
        try {
            return ConfigFile.load(io.env()).aliases().get(name);
        } catch (ConfigFile.ConfigException e) {
            return null;
        }
    }

    /** The commands' names, for shell completion. */
    public static final class Names implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return TicketCommand.SUBCOMMANDS.keySet().iterator();
        }
    }
}
