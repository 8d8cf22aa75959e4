package dev.ticket.cli.command;

import dev.ticket.cli.BaseCommand;
import java.util.List;
import picocli.CommandLine;

/**
 * A command that only groups its subcommands ({@code ticket admin}, {@code admin user}, {@code alias}...): run
 * alone it does nothing the user asked for, so it is a usage error (SPEC 3: exit 2) that names the subcommands, one
 * line and the pointer to its help, as picocli's own usage errors are; {@code --help} still prints the help, exit 0.
 */
public abstract class GroupCommand extends BaseCommand {
    @Override
    protected final int run() {
        List<String> names = spec.subcommands().values().stream().distinct()
                .filter(c -> !c.getCommandSpec().usageMessage().hidden()).map(CommandLine::getCommandName).toList();
        String last = names.get(names.size() - 1);
        String listed = names.size() == 1 ? last
                : String.join(", ", names.subList(0, names.size() - 1)) + " or " + last;
        throw new CommandLine.ParameterException(spec.commandLine(),
                "'" + spec.qualifiedName() + "' needs a subcommand: " + listed);
    }
}
