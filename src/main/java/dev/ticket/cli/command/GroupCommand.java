package dev.ticket.cli.command;

import dev.ticket.cli.BaseCommand;
import dev.ticket.cli.ExitCodes;

/** A command that only groups its subcommands ({@code ticket admin}, {@code alias}...): alone, it prints its usage. */
public abstract class GroupCommand extends BaseCommand {
    @Override
    protected final int run() {
        spec.commandLine().usage(io.out());
        return ExitCodes.OK;
    }
}
