package dev.ticket.cli.command;

import dev.ticket.cli.config.RecentIds;
import com.googlecode.lanterna.terminal.Terminal;
import dev.ticket.cli.BaseCommand;
import dev.ticket.cli.ExitCodes;
import dev.ticket.cli.UsageException;
import dev.ticket.cli.config.ConfigFile;
import dev.ticket.client.RetryPolicy;
import dev.ticket.client.HttpTicketClient;
import dev.ticket.client.TicketClient;
import dev.ticket.client.UnavailableException;
import dev.ticket.tui.ClientBackend;
import dev.ticket.tui.TuiRunner;
import dev.ticket.tui.WholeStringTerminal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code ticket tui [ID]}: the full-screen chat view (rules.md, chat view). */
@Command(name = "tui",
        description = {"The full-screen chat view of your tickets.",
                "Your tickets on the left, the selected ticket's chat on the right (the team's messages on the "
                        + "left, the customer's on the right), an input box below.",
                "New messages and status changes appear as they happen. Press ? inside for every key: "
                        + "Enter sends, Alt+Enter (or Ctrl+N) starts a new line, / searches titles, f cycles "
                        + "All, On Customer and Done, n opens a ticket, a attaches a file, d downloads one, "
                        + "c closes the ticket, q quits.",
                "Needs an interactive terminal, at least 60x14 (a smaller one is asked to grow); in scripts use "
                        + "'ticket list' and 'ticket show'."},
        footer = {
                "  ticket tui",
                "  ticket tui 42          open #42 with the cursor in its input box"})
public class TuiCommand extends BaseCommand {
    @Parameters(index = "0", arity = "0..1", paramLabel = "ID", converter = TicketIdConverter.class,
            completionCandidates = RecentIds.Candidates.class,
            description = "Open this ticket first: 42 or #42.")
    Long ticketId;

    @Override
    protected int run() throws Exception {
        if (!io.canPrompt() || !io.systemTerminal()) {
            throw new UsageException("ticket tui needs an interactive terminal; in scripts use 'ticket list' "
                    + "and 'ticket show'");
        }
        TicketClient client = client();
        checkBeforeScreen(client, ticketId);
        ClientBackend backend = new ClientBackend(client);
        Terminal terminal = new WholeStringTerminal(io.in(), io.out(), StandardCharsets.UTF_8);
        Path workDir = Path.of("").toAbsolutePath();
        Path home = ConfigFile.home(io.env());
        new TuiRunner(terminal, backend, clock, workDir, home).run(ticketId);
        return ExitCodes.OK;
    }

    /**
     * A refused token (exit 3) or a ticket that is not there (exit 4) ends here, before the screen is taken over.
     * An unreachable service does not: the view starts offline and connects when the service is back.
     */
    private static void checkBeforeScreen(TicketClient client, Long ticketId) {
        try (TicketClient once = new HttpTicketClient(client.config().withRetry(RetryPolicy.NONE))) {
            once.me();
            if (ticketId != null) {
                once.getTicket(ticketId);
            }
        } catch (UnavailableException e) {
            // shown inside the view, which keeps trying
        }
    }
}
