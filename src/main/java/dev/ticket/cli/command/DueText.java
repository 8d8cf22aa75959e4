package dev.ticket.cli.command;

import dev.ticket.client.ApiException;
import dev.ticket.client.TicketClient;
import dev.ticket.model.Awaiting;
import dev.ticket.model.Hours;
import dev.ticket.model.Ticket;
import dev.ticket.model.TicketType;
import java.util.List;

/**
 * The business hours the "due in" words of {@code list} and {@code show} count with ({@link
 * dev.ticket.model.TimeLeft}): asked of the service only when a shown ticket awaits the team and is not critical
 * (critical ones count clock time), so other listings cost no extra request.
 */
final class DueText {
    private DueText() {
    }

    /** The service's hours when a ticket in {@code tickets} needs them; null when none does or it cannot say. */
    static Hours hoursFor(TicketClient client, List<Ticket> tickets) {
        boolean awaiting = tickets.stream().anyMatch(t -> !t.isDone() && t.awaiting() == Awaiting.TEAM);
        if (!awaiting) {
            return null;
        }
        boolean working = tickets.stream().anyMatch(t -> !t.isDone() && t.awaiting() == Awaiting.TEAM
                && t.type() != TicketType.CRITICAL);
        if (!working) {
            return CLOCK_ONLY;
        }
        try {
            return client.hours();
        } catch (ApiException e) {
            return null; // an older service without hours: the table shows no due column rather than failing
        }
    }

    /** Stands for hours when only critical tickets are shown: their time left is clock time. */
    private static final Hours CLOCK_ONLY = new Hours("UTC", "00:00", "23:59", List.of(), List.of(), false, null,
            null, null);
}
