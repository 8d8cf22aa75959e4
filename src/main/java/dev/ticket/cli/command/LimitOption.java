package dev.ticket.cli.command;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code -L/--limit N} of the commands that list tickets: at most N, 0 for all. */
public final class LimitOption {
    @Option(names = {"-L", "--limit"}, paramLabel = "N", defaultValue = "30",
            description = "Show at most N tickets (default: ${DEFAULT-VALUE}; 0 for all).")
    int limit;

    /** The command this option is mixed into, so a bad value points to that command's help. */
    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    /** How many tickets to show at most ({@link Integer#MAX_VALUE} for all); a usage error below 0. */
    int most() {
        if (limit < 0) {
            throw new ParameterException(command.commandLine(), "--limit must be 0 (all) or more");
        }
        return limit == 0 ? Integer.MAX_VALUE : limit;
    }
}
