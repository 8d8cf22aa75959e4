package dev.ticket.cli.command;

import dev.ticket.cli.BaseCommand;
import dev.ticket.cli.ExitCodes;
import dev.ticket.cli.JsonFieldsOption;
import dev.ticket.cli.config.RecentIds;
import dev.ticket.model.Ticket;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code ticket unassign ID}: the ticket is assigned to nobody (the support team only). */
@Command(name = "unassign", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Assign a ticket to nobody (the support team only).",
                "The ticket goes back to the unassigned queue ('ticket list --assignee none'). A Done ticket "
                        + "cannot be changed (exit 5)."},
        footer = {"", "Examples:",
                "  ticket unassign 42",
                "  ticket list --mine -q | xargs -r -n1 ticket unassign   # before a holiday"})
public class UnassignCommand extends BaseCommand {
    @Parameters(index = "0", paramLabel = "ID", converter = TicketIdConverter.class,
            completionCandidates = RecentIds.Candidates.class,
            description = "The ticket: 42 or #42.")
    long ticketId;

    @Override
    protected java.util.List<String> jsonFields() {
        return JsonFieldsOption.of(Ticket.class);
    }

    @Override
    protected int run() {
        AssignCommand.print(out(), client().unassign(ticketId));
        return ExitCodes.OK;
    }
}
