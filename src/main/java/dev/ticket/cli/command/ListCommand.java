package dev.ticket.cli.command;

import dev.ticket.cli.BaseCommand;
import dev.ticket.cli.ExitCodes;
import dev.ticket.cli.JsonFieldsOption;
import dev.ticket.cli.UsageException;
import dev.ticket.cli.config.AgentNames;
import dev.ticket.cli.config.RecentIds;
import dev.ticket.cli.output.Due;
import dev.ticket.cli.output.Output;
import dev.ticket.cli.output.TicketTable;
import dev.ticket.client.TicketClient;
import dev.ticket.client.TicketQuery;
import dev.ticket.model.Awaiting;
import dev.ticket.model.Status;
import dev.ticket.model.Ticket;
import dev.ticket.model.TicketPage;
import dev.ticket.model.TicketSort;
import dev.ticket.model.TicketType;
import dev.ticket.model.User;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code ticket list}: the tickets the caller may see, newest activity first, or in a queue view. */
@Command(name = "list",
        description = {"List tickets, newest activity first.",
                "Shows id, status, unread messages, type, title, the time left until a ticket awaiting the team is "
                        + "due (in business time, clock time for critical ones) and last activity; agents also see "
                        + "the account and the assignee.",
                "Search (-S) looks in titles, case-insensitively (Cyrillic too); filters combine.",
                "Queue views: --sort due lists open tickets earliest due first; --account, --mine and --assignee "
                        + "are for the support team (a customer gets exit 2)."},
        footer = {
                "  ticket list                          # everything, 30 at most",
                "  ticket list -s on-customer --unread  # open tickets with news for you",
                "  ticket list -S \"бронирование\" -s done",
                "  ticket list --awaiting team -L 100   # the support team's queue",
                "  ticket list --sort due --assignee none   # nobody's, most urgent first",
                "  ticket list --mine --overdue         # your tickets past their due time",
                "  ticket list --account acme --sort created",
                "  ticket list -q | xargs -r -n1 ticket show --no-read"})
public class ListCommand extends BaseCommand {
    private static final int PAGE = 100;

    @Option(names = {"-s", "--status"}, paramLabel = "STATUS", defaultValue = "all",
            converter = Choices.Statuses.class, completionCandidates = Choices.Statuses.class,
            description = "all, on-customer or done (default: ${DEFAULT-VALUE}).")
    Status status;

    @Option(names = {"-S", "--search"}, paramLabel = "TEXT", description = "Only tickets whose title contains TEXT.")
    String search;

    @Option(names = "--unread", description = "Only tickets with messages you have not read.")
    boolean unread;

    @Option(names = "--type", paramLabel = "TYPE", converter = Choices.Types.class,
            completionCandidates = Choices.Types.class, description = "Only this type: critical, question, suggestion.")
    TicketType type;

    @Option(names = {"-l", "--label"}, paramLabel = "LABEL", description = "Only tickets carrying this label.")
    String label;

    @Option(names = "--awaiting", paramLabel = "SIDE", converter = Choices.Awaitings.class,
            completionCandidates = Choices.Awaitings.class,
            description = "Only tickets waiting for this side: team (the queue) or customer.")
    Awaiting awaiting;

    @Option(names = "--sort", paramLabel = "ORDER", converter = Choices.Sorts.class,
            completionCandidates = Choices.Sorts.class,
            description = "activity (newest first, the default), due (open tickets, earliest due first) or created "
                    + "(newest first).")
    TicketSort sort;

    @Option(names = "--account", paramLabel = "NAME", description = "Only this account's tickets (agents).")
    String account;

    @Option(names = "--mine", description = "Only the tickets assigned to you (agents).")
    boolean mine;

    @Option(names = "--assignee", paramLabel = "NAME", completionCandidates = AgentNames.OrNone.class,
            description = "Only the tickets assigned to this agent (a name, an id or me), or none for nobody's "
                    + "(agents).")
    String assignee;

    @Option(names = "--overdue", description = "Only open tickets awaiting the team past their due time.")
    boolean overdue;

    @Mixin
    LimitOption limit;

    /**
     * What was fetched, whether the limit cut it, and how many tickets match in all (null when not asked or
     * the service could not count).
     */
    public record Listing(List<Ticket> tickets, boolean more, Long total) {
    }

    @Override
    protected java.util.Map<String, String> apiFields() {
        return java.util.Map.ofEntries(java.util.Map.entry("status", "--status"), java.util.Map.entry("q", "--search"),
                java.util.Map.entry("type", "--type"), java.util.Map.entry("label", "--label"),
                java.util.Map.entry("awaiting", "--awaiting"), java.util.Map.entry("limit", "--limit"),
                java.util.Map.entry("unread", "--unread"), java.util.Map.entry("sort", "--sort"),
                java.util.Map.entry("account", "--account"), java.util.Map.entry("assignee", "--assignee"),
                java.util.Map.entry("overdue", "--overdue"));
    }

    @Override
    protected java.util.List<String> jsonFields() {
        // a listed ticket carries no chat and is never the answer of a merge
        return JsonFieldsOption.of(dev.ticket.model.Ticket.class).stream()
                .filter(field -> !field.equals("messages") && !field.equals("deduplicated")).toList();
    }

    @Override
    protected int run() {
        int most = limit.most();
        if (mine && assignee != null) {
            throw new UsageException("--mine and --assignee both name an assignee; give one");
        }
        if (sort == TicketSort.DUE && status == Status.DONE) {
            throw new UsageException("--sort due lists open tickets (a Done ticket is due for nobody); "
                    + "sort Done ones by activity or created");
        }
        User me = account != null || mine || assignee != null ? teamOnly() : null;
        TicketQuery query = new TicketQuery(status, search, unread, type, label, awaiting, sort, account,
                assigneeParam(me), overdue);
        Listing listing = fetch(client(), query, most, PAGE);
        Output out = out();
        if (out.json()) {
            out.printJson(listing.tickets());
        } else if (out.quiet()) {
            listing.tickets().forEach(t -> out.println(Long.toString(t.id())));
        } else if (listing.tickets().isEmpty()) {
            out.println("No tickets" + (query.equals(TicketQuery.ALL) ? " yet." : " match."));
        } else {
            boolean team = (me != null ? me : me()).role().isTeam();
            Due due = DueText.of(client(), settings().server(), io.env(), listing.tickets());
            new TicketTable(out, team, io.isTty() ? io.columns().getAsInt() : 0).print(listing.tickets(), due,
                    clock.instant());
        }
        RecentIds.remember(io.env(), listing.tickets());
        if (listing.more() && !out.quiet()) { // -q: ids and nothing else, on either stream
            out.note(cutNote(listing.tickets().size(), listing.total()));
        }
        return ExitCodes.OK;
    }

    /** The caller, when on the support team; the team's filters are a usage error for a customer (exit 2). */
    private User teamOnly() {
        User me = me();
        if (!me.role().isTeam()) {
            throw new UsageException("--account, --mine and --assignee are for the support team (agents)");
        }
        return me;
    }

    /** The API's assignee: {@code me}, {@code none} or an agent's id. */
    private String assigneeParam(User me) {
        if (mine) {
            return "me";
        }
        if (assignee == null) {
            return null;
        }
        if (assignee.strip().equalsIgnoreCase("none")) {
            return "none";
        }
        return assignee.strip().equalsIgnoreCase("me") ? Long.toString(me.id())
                : Long.toString(Agents.resolve(client(), io.env(), assignee, "--assignee"));
    }

    /** What stderr says when -L cut the list; {@code total} null when the service could not count. */
    public static String cutNote(int shown, Long total) {
        String how = " (raise -L, or -L 0 for all)";
        return total == null || total <= shown ? "showing first " + shown + "; more exist" + how
                : "showing " + shown + " of " + total + how;
    }

    /**
     * Follows the cursor until {@code limit} tickets are in hand; asks one extra to know whether more exist.
     * With a limit, the first page also asks the count for the cut note: counting what fits in one page costs
     * the service next to nothing, and a cut list then needs no second request (one round trip fewer for
     * {@code ticket list} past 30 tickets).
     */
    public static Listing fetch(TicketClient client, TicketQuery query, int limit, int pageSize) {
        List<Ticket> tickets = new ArrayList<>();
        String cursor = null;
        Long total = null;
        boolean count = limit != Integer.MAX_VALUE;
        do {
            long wanted = (long) limit + 1 - tickets.size();
            boolean first = cursor == null;
            TicketPage page = client.listTickets(query, (int) Math.min(pageSize, wanted), cursor, count && first);
            if (first) {
                total = page.total();
            }
            tickets.addAll(page.items());
            cursor = page.items().isEmpty() ? null : page.nextCursor();
        } while (cursor != null && tickets.size() <= limit);
        boolean more = tickets.size() > limit;
        return new Listing(more ? List.copyOf(tickets.subList(0, limit)) : tickets, more, total);
    }
}
