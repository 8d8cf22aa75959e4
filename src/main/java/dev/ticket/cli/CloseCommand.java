package dev.ticket.cli;

import dev.ticket.client.TicketClient;
import dev.ticket.model.Ticket;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code ticket close ID}: sets a ticket Done. */
@Command(name = "close", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Close a ticket: set it Done.",
                "Done is final: the ticket cannot be reopened, replied to or changed; a returning question gets a "
                        + "new ticket that references it (ticket new --ref ID)."},
        footer = {"", "Examples:",
                "  ticket close 42",
                "  ticket list -q -S \"nightly export\" -s on-customer | xargs -r -n1 ticket close"})
public class CloseCommand extends BaseCommand {
    @Parameters(index = "0", paramLabel = "ID", converter = TicketIdConverter.class,
            description = "The ticket: 42 or #42.")
    long ticketId;

    @Override
    protected java.util.List<String> jsonFields() {
        return JsonFieldsOption.of(dev.ticket.model.Ticket.class);
    }

    @Override
    protected int run() {
        Ticket closed = client().close(ticketId, TicketClient.newIdempotencyKey());
        Output out = out();
        if (out.json()) {
            out.printJson(closed);
        } else if (out.quiet()) {
            out.println(Long.toString(closed.id()));
        } else {
            out.println("Closed #" + closed.id() + ": " + closed.title() + " (Done).");
        }
        return ExitCodes.OK;
    }
}
