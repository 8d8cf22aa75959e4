package dev.ticket.cli.command;

import dev.ticket.cli.output.Output;
import dev.ticket.cli.output.InboxTable;
import dev.ticket.cli.JsonFieldsOption;
import dev.ticket.cli.ExitCodes;
import dev.ticket.cli.BaseCommand;
import dev.ticket.client.EventFollower;
import dev.ticket.client.TicketClient;
import dev.ticket.model.Event;
import dev.ticket.cli.output.Due;
import dev.ticket.model.Ticket;
import dev.ticket.model.User;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code ticket inbox}: what needs the caller now, and with --watch each new arrival as it comes. */
@Command(name = "inbox",
        description = {"Show what needs you now.",
                "A customer sees the tickets with answers not read yet. An agent sees the tickets awaiting the team "
                        + "that are assigned to them or to nobody, earliest due first, with the time left or "
                        + "overdue (in business time; clock time for critical tickets).",
                "--watch stays and prints each new arrival as it comes, a line each (with --json one ticket a line), "
                        + "reconnecting when the connection drops or the service restarts, until Ctrl-C."},
        footer = {
                "  ticket inbox",
                "  ticket inbox --profile agent",
                "  ticket inbox --json id,title,due_at",
                "  ticket inbox --watch",
                "  ticket inbox --watch --json | jq --unbuffered -r .title"})
public class InboxCommand extends BaseCommand {
    private static final int PAGE = 100;

    @Option(names = "--watch", description = "Stay and print each new arrival as it comes (Ctrl-C stops).")
    boolean watch;

    @Mixin
    LimitOption limit;

    /** The state of each ticket printed (id, messages, assignee): an event replayed after a reconnect is no news. */
    private final Set<String> printed = new HashSet<>();
    private Due due;
    private User me;
    private InboxTable table;

    @Override
    protected java.util.List<String> jsonFields() {
        return JsonFieldsOption.of(Ticket.class).stream()
                .filter(field -> !field.equals("messages") && !field.equals("deduplicated")).toList();
    }

    @Override
    protected java.util.Map<String, String> apiFields() {
        return java.util.Map.of("limit", "--limit");
    }

    @Override
    protected int run() {
        int most = limit.most();
        TicketClient client = client();
        me = client.me();
        Inbox inbox = new Inbox(client, me, most, PAGE);
        Inbox.Found found = inbox.now();
        printNow(found, me);
        if (watch) {
            watch(client, me, inbox);
        }
        return ExitCodes.OK;
    }

    private void printNow(Inbox.Found found, User me) {
        List<Ticket> tickets = found.tickets();
        tickets.forEach(t -> printed.add(state(t)));
        Output out = out();
        if (out.json() && watch) {
            tickets.forEach(this::printLine);
        } else if (out.json()) {
            out.printJson(tickets);
        } else if (out.quiet()) {
            tickets.forEach(t -> out.println(Long.toString(t.id())));
        } else if (tickets.isEmpty()) {
            out.println(me.role().isTeam() ? "Nothing awaits you: no ticket assigned to you or to nobody waits for "
                    + "the team." : "Nothing new: every answer is read.");
        } else {
            table().print(tickets, me.role().isTeam() ? dueFor(tickets) : null, clock.instant());
        }
        if (found.more() && !out.quiet()) { // -q: ids and nothing else, as list
            out.note(ListCommand.cutNote(tickets.size(), null));
        }
        io.out().flush();
    }

    /** Follows the event stream for ever (until Ctrl-C), printing each ticket that newly needs the caller. */
    private void watch(TicketClient client, User me, Inbox inbox) {
        if (!options().quiet()) {
            out().note("Watching for new arrivals (Ctrl-C to stop)...");
        }
        NotingHandler handler = new NotingHandler(out(), options().quiet(), "watching again...") {
            @Override
            public boolean onConnected() {
                noteConnected();
                // what arrived while no stream was open (before the first one, or during a restart)
                inbox.now().tickets().forEach(t -> arrived(t));
                return false;
            }

            @Override
            public boolean onEvent(Event event) {
                if (inbox.mayArrive(event)) {
                    Ticket ticket = client.getTicket(event.ticketId());
                    if (inbox.needs(ticket)) {
                        arrived(ticket);
                    }
                }
                return false;
            }
        };
        new EventFollower(client, null).reconnectingUntilDeadline().follow(null, handler);
    }

    private void arrived(Ticket ticket) {
        if (printed.add(state(ticket))) {
            printLine(ticket);
        }
    }

    /** One ticket on one line: JSON (without its chat), its id with -q, else id, time left or unread, title. */
    private void printLine(Ticket ticket) {
        Output out = out();
        Ticket listed = Inbox.listed(ticket);
        if (out.json()) {
            out.printJsonLine(listed);
        } else if (out.quiet()) {
            out.println(Long.toString(ticket.id()));
        } else {
            table().line(listed, me.role().isTeam() ? dueFor(List.of(listed)) : null, clock.instant());
        }
        io.out().flush();
    }

    /** One table for the listing and every arrival after it, so that their columns line up. */
    private InboxTable table() {
        if (table == null) {
            table = new InboxTable(out(), me.role().isTeam(), io.isTty() ? io.columns().getAsInt() : 0);
        }
        return table;
    }

    /** How the time left of {@code tickets} is counted ({@link DueText}): hours asked once while watching. */
    private Due dueFor(List<Ticket> tickets) {
        if (due != null) {
            return due;
        }
        Due found = DueText.of(client(), settings().server(), io.env(), tickets);
        if (found != null && !found.clockOnly()) {
            due = found; // the real hours, kept for the arrivals to come
        }
        return found;
    }

    private static String state(Ticket t) {
        return t.id() + "/" + t.messageCount() + "/" + (t.assignee() == null ? "-" : t.assignee().id());
    }
}
