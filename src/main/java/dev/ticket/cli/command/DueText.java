package dev.ticket.cli.command;

import dev.ticket.cli.config.HoursCache;
import dev.ticket.cli.output.Due;
import dev.ticket.client.ApiException;
import dev.ticket.client.TicketClient;
import dev.ticket.model.Awaiting;
import dev.ticket.model.Hours;
import dev.ticket.model.Ticket;
import dev.ticket.model.TicketType;
import dev.ticket.model.time.WorkSchedule;
import java.util.List;
import java.util.Map;

/**
 * What the "due in" words of {@code list}, {@code show} and {@code inbox} count with ({@link Due}): business hours
 * only when a shown ticket awaits the team and is not critical (critical ones count clock time), taken from the
 * {@link HoursCache} while it is fresh, else asked of the service (and kept); other listings cost no request.
 */
final class DueText {
    private DueText() {
    }

    /**
     * How the time left of {@code tickets} is counted; null when none awaits the team (no DUE column) or the
     * service cannot say its hours (an older one).
     */
    static Due of(TicketClient client, String server, Map<String, String> env, List<Ticket> tickets) {
        boolean awaiting = tickets.stream().anyMatch(t -> !t.isDone() && t.awaiting() == Awaiting.TEAM);
        if (!awaiting) {
            return null;
        }
        boolean working = tickets.stream().anyMatch(t -> !t.isDone() && t.awaiting() == Awaiting.TEAM
                && t.type() != TicketType.CRITICAL);
        if (!working) {
            return Due.CLOCK_ONLY;
        }
        WorkSchedule kept = HoursCache.read(env, server);
        if (kept != null) {
            return new Due(kept);
        }
        Hours asked;
        try {
            asked = client.hours();
        } catch (ApiException e) {
            return null; // an older service without hours: the table shows no due column rather than failing
        }
        HoursCache.write(env, server, asked);
        return Due.businessTime(asked);
    }
}
