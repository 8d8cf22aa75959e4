package dev.ticket.cli.command;

import dev.ticket.cli.BaseCommand;
import dev.ticket.cli.PrintsJson;
import dev.ticket.cli.ExitCodes;
import dev.ticket.model.Ticket;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code ticket unassign ID}: the ticket is assigned to nobody (the support team only). */
@Command(name = "unassign",
        description = {"Assign a ticket to nobody (the support team only).",
                "The ticket goes back to the unassigned queue ('ticket list --assignee none'). A Done ticket "
                        + "cannot be changed (exit 5)."},
        footer = {
                "  ticket unassign 42",
                "  ticket list --mine -q | xargs -r -n1 ticket unassign   # before a holiday"})
@PrintsJson(Ticket.class)
public class UnassignCommand extends BaseCommand {
    @Mixin
    TicketIdParameter idParam;

    @Override
    protected int run() {
        AssignCommand.print(out(), client().unassign(idParam.ticketId));
        return ExitCodes.OK;
    }
}
