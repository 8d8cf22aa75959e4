package dev.ticket.cli.command;

import dev.ticket.cli.config.RecentIds;
import dev.ticket.cli.BaseCommand;
import dev.ticket.cli.ExitCodes;
import dev.ticket.cli.JsonFieldsOption;
import dev.ticket.cli.output.Output;
import dev.ticket.cli.output.Transcript;
import dev.ticket.client.TicketClient;
import dev.ticket.model.Hours;
import dev.ticket.model.Ticket;
import dev.ticket.model.TimeLeft;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code ticket show ID}: a ticket and its whole chat; marks it read. */
@Command(name = "show", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Show a ticket and its chat, and mark it read.",
                "Marks the ticket read unless --no-read.",
                "On a terminal the team's messages stand on the left and the customer's on the right.",
                "A ticket awaiting the team shows the time left until it is due (business time; clock time for "
                        + "critical tickets), and its assignee when it has one."},
        footer = {"", "Examples:",
                "  ticket show 42",
                "  ticket show '#42' --no-read",
                "  ticket show 42 --json | jq '.messages[-1].body'"})
public class ShowCommand extends BaseCommand {
    @Parameters(index = "0", paramLabel = "ID", converter = TicketIdConverter.class,
            completionCandidates = RecentIds.Candidates.class,
            description = "The ticket: 42 or #42.")
    long ticketId;

    @Option(names = "--no-read", description = "Do not mark the ticket read.")
    boolean noRead;

    @Override
    protected java.util.List<String> jsonFields() {
        return JsonFieldsOption.of(dev.ticket.model.Ticket.class);
    }

    @Override
    protected int run() {
        TicketClient client = client();
        Ticket ticket = client.getTicket(ticketId);
        Output out = out();
        if (out.json()) {
            out.printJson(ticket);
        } else if (out.quiet()) {
            out.println(Long.toString(ticket.id()));
        } else {
            Hours hours = DueText.hoursFor(client, java.util.List.of(ticket));
            String left = hours == null ? null : TimeLeft.of(ticket, hours, clock.instant());
            transcript(out).ticket(ticket, out.out(), left);
        }
        RecentIds.remember(io.env(), java.util.List.of(ticket));
        if (!noRead && ticket.unread() > 0) {
            client.markRead(ticketId, TicketClient.newIdempotencyKey());
        }
        return ExitCodes.OK;
    }

    private Transcript transcript(Output out) {
        return new Transcript(out.style(), out.formats(), io.isTty(), io.isTty() ? io.columns().getAsInt() : 80);
    }
}
