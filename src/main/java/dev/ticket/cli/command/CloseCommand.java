package dev.ticket.cli.command;

import dev.ticket.cli.config.RecentIds;
import dev.ticket.cli.BaseCommand;
import dev.ticket.cli.PrintsJson;
import dev.ticket.cli.ErrorReporter;
import dev.ticket.cli.ExitCodes;
import dev.ticket.cli.output.Output;
import dev.ticket.cli.output.Shown;
import dev.ticket.client.ApiException;
import dev.ticket.client.NotAuthorizedException;
import dev.ticket.client.TicketClient;
import dev.ticket.client.TicketClosedException;
import dev.ticket.client.UnavailableException;
import dev.ticket.model.Ticket;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code ticket close ID...}: sets tickets Done; a Done one is left as it is (rules.md, command line). */
@Command(name = "close",
        description = {"Close tickets: set them Done.",
                "Done is final: the ticket cannot be reopened, replied to or changed; a returning question gets a "
                        + "new ticket that references it (ticket new --ref ID).",
                "A ticket that is already Done is left as it is: a note on standard error, exit 0, so scripts "
                        + "may close idempotently. With several ids each is closed; the exit code is that of the "
                        + "first that failed. --json prints an array of the tickets that are now Done."},
        footer = {
                "  ticket close 42",
                "  ticket close 42 43 '#44'",
                "  ticket list -q -S \"nightly export\" -s on-customer | xargs -r ticket close"})
@PrintsJson(Ticket.class)
public class CloseCommand extends BaseCommand {
    @Parameters(index = "0..*", arity = "1..*", paramLabel = "ID", converter = TicketIdConverter.class,
            completionCandidates = RecentIds.Candidates.class,
            description = "The tickets: 42 or #42 (several close each).")
    List<Long> ticketIds;

    @Override
    protected int run() {
        TicketClient client = client();
        Output out = out();
        List<Ticket> done = new ArrayList<>();
        int exit = ExitCodes.OK;
        for (long id : new LinkedHashSet<>(ticketIds)) {
            try {
                report(out, client.close(id, TicketClient.newIdempotencyKey()), done);
            } catch (TicketClosedException e) {
                io.err().println("ticket: #" + id + " is already Done; left as it is.");
                if (out.json()) {
                    done.add(client.getTicket(id));
                } else if (out.quiet()) {
                    out.println(Long.toString(id));
                }
            } catch (ApiException e) {
                io.err().println("ticket: " + ErrorReporter.shown(ErrorReporter.sentence(e), e));
                exit = exit == ExitCodes.OK ? ExitCodes.of(e) : exit;
                if (e instanceof UnavailableException || (e instanceof NotAuthorizedException && e.status() == 401)) {
                    break; // the next ids would fail the same way, each after its retries
                }
            }
        }
        if (out.json()) {
            out.printJson(done);
        }
        return exit;
    }

    private static void report(Output out, Ticket closed, List<Ticket> done) {
        if (out.json()) {
            done.add(closed);
        } else if (out.quiet()) {
            out.println(Long.toString(closed.id()));
        } else {
            out.println("Closed #" + closed.id() + ": " + Shown.line(closed.title()) + " (Done).");
        }
    }
}
