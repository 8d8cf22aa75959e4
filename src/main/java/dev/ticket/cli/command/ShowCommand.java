package dev.ticket.cli.command;

import dev.ticket.cli.config.RecentIds;
import dev.ticket.cli.BaseCommand;
import dev.ticket.cli.PrintsJson;
import dev.ticket.cli.ExitCodes;
import dev.ticket.cli.output.Output;
import dev.ticket.client.TicketClient;
import dev.ticket.cli.output.Due;
import dev.ticket.model.Ticket;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code ticket show ID}: a ticket and its whole chat; marks it read. */
@Command(name = "show",
        description = {"Show a ticket and its chat, and mark it read.",
                "Marks the ticket read unless --no-read.",
                "On a terminal the team's messages stand on the left and the customer's on the right.",
                "A ticket awaiting the team shows the time left until it is due (business time; clock time for "
                        + "critical tickets), and its assignee when it has one."},
        footer = {
                "  ticket show 42",
                "  ticket show '#42' --no-read",
                "  ticket show 42 --json | jq '.messages[-1].body'"})
@PrintsJson(Ticket.class)
public class ShowCommand extends BaseCommand {
    @Mixin
    TicketIdParameter idParam;

    @Option(names = "--no-read", description = "Do not mark the ticket read.")
    boolean noRead;

    @Override
    protected int run() {
        TicketClient client = client();
        Ticket ticket = client.getTicket(idParam.ticketId);
        Output out = out();
        if (!out.printedForScripts(ticket, ticket.id())) {
            Due due = DueText.of(client, settings().server(), io.env(), java.util.List.of(ticket));
            String left = due == null ? null : due.words(ticket, clock.instant());
            out.transcript().ticket(ticket, out.out(), left);
        }
        RecentIds.remember(io.env(), java.util.List.of(ticket));
        if (!noRead && ticket.unread() > 0) {
            client.markRead(idParam.ticketId, TicketClient.newIdempotencyKey());
        }
        return ExitCodes.OK;
    }
}
