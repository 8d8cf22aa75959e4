package dev.ticket.cli;

import dev.ticket.client.EventFollower;
import dev.ticket.client.TicketClient;
import dev.ticket.model.Event;
import dev.ticket.model.Message;
import dev.ticket.model.Role;
import dev.ticket.model.Status;
import dev.ticket.model.Ticket;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code ticket wait ID}: blocks until the other side writes in the ticket or it is closed. */
@Command(name = "wait", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Wait for the other side to write in a ticket, or for it to close.",
                "The other side is the team for a customer and the customer for the team; prints what arrived.",
                "Follows the live event stream and reconnects if the connection drops. Exits 7 when the "
                        + "timeout passes first."},
        footer = {"", "Examples:",
                "  ticket wait 42",
                "  ticket wait 42 --timeout 10m && ticket show 42",
                "  ticket wait 42 --timeout 1h --json | jq -r .message.body"})
public class WaitCommand extends BaseCommand {
    @Parameters(index = "0", paramLabel = "ID", converter = TicketIdConverter.class,
            description = "The ticket: 42 or #42.")
    long ticketId;

    @Option(names = "--timeout", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "Give up after this long (e.g. 90s, 10m, 1h30m) with exit 7; default: wait for ever.")
    Duration timeout;

    @Override
    protected int run() {
        TicketClient client = client();
        Role me = client.me().role();
        Ticket before = client.getTicket(ticketId);
        if (before.isDone()) {
            return report(new Event(0, Event.STATUS, ticketId, Status.DONE, null, before.closedAt()), before);
        }
        long seen = before.messages() == null ? 0
                : before.messages().stream().mapToLong(Message::id).max().orElse(0);
        AtomicReference<Event> arrived = new AtomicReference<>();
        boolean done = new EventFollower(client, ticketId).follow(timeout, new EventFollower.Handler() {
            private boolean announced;

            @Override
            public boolean onConnected() {
                Event missed = recheck(client, me, seen);
                arrived.set(missed);
                if (missed == null && !announced && !options().quiet()) {
                    announced = true;
                    out().note("Waiting for news in #" + ticketId
                            + (timeout == null ? "" : " (up to " + human(timeout) + ")") + "...");
                }
                return missed != null;
            }

            @Override
            public boolean onEvent(Event event) {
                if (event.ticketId() == ticketId && fromOtherSide(event, me, seen)) {
                    arrived.set(event);
                    return true;
                }
                return false;
            }
        });
        if (!done) {
            throw new WaitTimeoutException("nothing new in #" + ticketId + " within " + human(timeout));
        }
        return report(arrived.get(), before);
    }

    /** What happened between the first look and the stream's start, so nothing falls in the gap. */
    private Event recheck(TicketClient client, Role me, long seen) {
        Ticket now = client.getTicket(ticketId);
        if (now.isDone()) {
            return new Event(0, Event.STATUS, ticketId, Status.DONE, null, now.closedAt());
        }
        for (Message m : now.messages() == null ? java.util.List.<Message>of() : now.messages()) {
            Event asEvent = new Event(0, Event.MESSAGE, ticketId, null, m, m.createdAt());
            if (fromOtherSide(asEvent, me, seen)) {
                return asEvent;
            }
        }
        return null;
    }

    static boolean fromOtherSide(Event event, Role me, long seenMessageId) {
        if (Event.STATUS.equals(event.kind())) {
            return event.status() == Status.DONE;
        }
        Message m = event.message();
        return m != null && m.id() > seenMessageId && m.author() != null && m.author().role() != null
                && m.author().role().isTeam() != me.isTeam();
    }

    private int report(Event event, Ticket ticket) {
        Output out = out();
        if (out.json()) {
            out.printJson(event);
        } else if (out.quiet()) {
            out.println(Long.toString(event.message() != null ? event.message().id() : ticketId));
        } else if (event.message() != null) {
            new Transcript(out.style(), out.formats(), io.isTty(), io.isTty() ? io.columns().getAsInt() : 80)
                    .message(event.message(), out.out());
        } else {
            out.println("Ticket #" + ticketId + " (" + Shown.line(ticket.title()) + ") was closed: it is Done.");
        }
        return ExitCodes.OK;
    }

    private static String human(Duration d) {
        return d.toString().substring(2).toLowerCase(java.util.Locale.ROOT);
    }
}
