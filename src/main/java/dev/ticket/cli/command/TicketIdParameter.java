package dev.ticket.cli.command;

import dev.ticket.cli.config.RecentIds;
import picocli.CommandLine.Parameters;

/** The one ticket a command works on, its first word: {@code 42} or {@code #42}, completed from recent ids. */
public final class TicketIdParameter {
    @Parameters(index = "0", paramLabel = "ID", converter = TicketIdConverter.class,
            completionCandidates = RecentIds.Candidates.class,
            description = "The ticket: 42 or #42.")
    long ticketId;
}
