package dev.ticket.cli.command;

import dev.ticket.cli.BaseCommand;
import dev.ticket.cli.PrintsJson;
import dev.ticket.cli.ExitCodes;
import dev.ticket.cli.WaitTimeoutException;
import dev.ticket.cli.config.Settings;
import dev.ticket.cli.output.Output;
import dev.ticket.cli.output.Shown;
import dev.ticket.client.ClientConfig;
import dev.ticket.client.EventFollower;
import dev.ticket.client.TicketClient;
import dev.ticket.model.Event;
import dev.ticket.model.Message;
import dev.ticket.model.Role;
import dev.ticket.model.Status;
import dev.ticket.model.Ticket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code ticket wait ID}: prints the other side's unread answers, or blocks until one arrives or the ticket closes. */
@Command(name = "wait",
        description = {"Wait for the other side to write in a ticket, or for it to close.",
                "The other side is the team for a customer and the customer for the team. Answers you have not "
                        + "read yet are printed at once; otherwise it waits for the next one. What it prints is "
                        + "marked read (unless --no-read), so a loop of 'ticket wait' sees each answer once.",
                "Follows the live event stream and reconnects, resuming where it left off, if the connection drops "
                        + "or the service restarts. Exits 7 when --timeout (e.g. 90s, 10m, 1h30m; else TICKET_TIMEOUT; default: "
                        + "wait for ever) passes first."},
        footer = {
                "  ticket wait 42",
                "  ticket wait 42 --timeout 10m && ticket show 42",
                "  while ticket wait 42 -q; do notify-send 'Answer in #42'; done",
                "  ticket wait 42 --timeout 1h --json | jq -r .message.body"})
@PrintsJson(Event.class)
public class WaitCommand extends BaseCommand {
    @Mixin
    TicketIdParameter idParam;

    /** The whole wait: the global --timeout (or TICKET_TIMEOUT); null waits for ever. */
    private Duration timeout;

    @Option(names = "--no-read", description = "Do not mark what it prints read.")
    boolean noRead;

    private int printedMessages;

    /** What {@code wait} found: the unread answers (oldest first) and the ticket as it was then. */
    private record News(List<Message> answers, Ticket ticket) {
        boolean any() {
            return !answers.isEmpty() || ticket.isDone();
        }
    }

    /**
     * --timeout bounds the whole wait here; each answer is awaited the default time, or the whole wait's when that
     * is shorter, so a service that accepts and never answers cannot hold a 3-second wait for 30 seconds.
     */
    @Override
    protected ClientConfig clientConfig(Settings settings, String token) {
        ClientConfig config = settings.clientConfig(token);
        Duration whole = timeout();
        return whole != null && whole.compareTo(config.readTimeout()) < 0 ? config.withReadTimeout(whole) : config;
    }

    @Override
    protected int run() {
        timeout = timeout();
        TicketClient client = client();
        Role me = client.me().role();
        News first = look(client, me);
        if (first.any()) {
            return report(client, me, first);
        }
        boolean[] found = {false};
        boolean done = new EventFollower(client, idParam.ticketId).reconnectingUntilDeadline().follow(timeout,
                new NotingHandler(out(), options().quiet(), "still waiting...") {
                    private boolean announced;

                    @Override
                    public boolean onConnected() {
                        noteConnected();
                        // what happened while no stream was open (before the first one, or during a restart)
                        found[0] = look(client, me).any();
                        if (!found[0] && !announced && !options().quiet()) {
                            announced = true;
                            out().note("Waiting for news in #" + idParam.ticketId
                                    + (timeout == null ? "" : " (up to " + human(timeout) + ")") + "...");
                        }
                        return found[0];
                    }

                    @Override
                    public boolean onEvent(Event event) {
                        return event.ticketId() == idParam.ticketId && fromOtherSide(event, me);
                    }
                });
        if (!done) {
            throw new WaitTimeoutException("nothing new in #" + idParam.ticketId + " within " + human(timeout));
        }
        return report(client, me, look(client, me));
    }

    /** The ticket now, with the other side's messages this caller has not read (the newest {@code unread} ones). */
    private News look(TicketClient client, Role me) {
        Ticket ticket = client.getTicket(idParam.ticketId);
        List<Message> chat = ticket.messages() == null ? List.of() : ticket.messages();
        List<Message> theirs = chat.stream().filter(m -> fromOtherSide(m, me)).toList();
        int unread = Math.min(ticket.unread(), theirs.size());
        return new News(new ArrayList<>(theirs.subList(theirs.size() - unread, theirs.size())), ticket);
    }

    static boolean fromOtherSide(Event event, Role me) {
        if (Event.STATUS.equals(event.kind())) {
            return event.status() == Status.DONE;
        }
        return Event.MESSAGE.equals(event.kind()) && event.message() != null && fromOtherSide(event.message(), me);
    }

    private static boolean fromOtherSide(Message m, Role me) {
        return m.author() != null && m.author().role() != null && m.author().role().isTeam() != me.isTeam();
    }

    /**
     * Prints the answers and marks the ticket read. Marking read covers the newest message, so answers that
     * arrived between the look and the mark are fetched and printed too: none is marked read unseen.
     */
    private int report(TicketClient client, Role me, News news) {
        List<Message> printed = new ArrayList<>(news.answers());
        printed.forEach(this::print);
        Ticket last = news.ticket();
        if (!noRead && !printed.isEmpty()) {
            Ticket marked = client.markRead(idParam.ticketId, TicketClient.newIdempotencyKey());
            if (marked.messageCount() != last.messageCount()) {
                long newest = printed.get(printed.size() - 1).id();
                last = client.getTicket(idParam.ticketId);
                for (Message m : last.messages() == null ? List.<Message>of() : last.messages()) {
                    if (m.id() > newest && fromOtherSide(m, me)) {
                        print(m);
                    }
                }
            }
        }
        if (last.isDone()) {
            printClosed(last);
        }
        return ExitCodes.OK;
    }

    private void print(Message message) {
        Output out = out();
        if (printedMessages++ > 0 && !out.json() && !out.quiet()) {
            out.println("");
        }
        Event event = new Event(0, Event.MESSAGE, idParam.ticketId, null, message, message.createdAt());
        if (!out.printedForScripts(event, message.id())) {
            out.transcript().message(message, out.out());
        }
    }

    private void printClosed(Ticket ticket) {
        Output out = out();
        Event event = new Event(0, Event.STATUS, idParam.ticketId, Status.DONE, null, ticket.closedAt());
        if (!out.printedForScripts(event, idParam.ticketId)) {
            out.println("Ticket #" + idParam.ticketId + " (" + Shown.line(ticket.title()) + ") was closed: it is Done.");
        }
    }

    private static String human(Duration d) {
        return d.toString().substring(2).toLowerCase(java.util.Locale.ROOT);
    }
}
