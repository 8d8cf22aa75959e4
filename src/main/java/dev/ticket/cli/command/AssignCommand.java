package dev.ticket.cli.command;

import dev.ticket.cli.BaseCommand;
import dev.ticket.cli.PrintsJson;
import dev.ticket.cli.config.AgentNames;
import dev.ticket.cli.ExitCodes;
import dev.ticket.cli.output.Output;
import dev.ticket.cli.output.Shown;
import dev.ticket.client.NotAuthorizedException;
import dev.ticket.client.TicketClient;
import dev.ticket.model.Ticket;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code ticket assign ID --to NAME|me}: gives a ticket to an agent (the support team only). */
@Command(name = "assign",
        description = {"Assign a ticket to an agent (the support team only).",
                "NAME is an agent's name (exact, or the only one matching ignoring case), an agent's id, or me. "
                        + "Assigning is an event on the ticket's stream; 'ticket list --mine' shows your tickets.",
                "A Done ticket cannot be assigned (exit 5); an unknown NAME, or one that is not an agent, is "
                        + "exit 2 and lists the agents."},
        footer = {
                "  ticket assign 42 --to me",
                "  ticket assign '#42' --to \"Sam Lee\"",
                "  ticket list --assignee none --overdue -q | xargs -r -n1 ticket assign --to me"})
@PrintsJson(Ticket.class)
public class AssignCommand extends BaseCommand {
    @Mixin
    TicketIdParameter idParam;

    @Option(names = "--to", required = true, paramLabel = "NAME", completionCandidates = AgentNames.Candidates.class,
            description = "The agent: a name, an id, or me.")
    String to;

    @Override
    protected java.util.Map<String, String> apiFields() {
        return java.util.Map.of("user_id", "--to");
    }

    @Override
    protected int run() {
        TicketClient client = client();
        long agent;
        try {
            agent = Agents.resolve(client, io.env(), to, "--to");
        } catch (NotAuthorizedException e) {
            if (e.status() != 403) {
                throw e;
            }
            // a customer: the service says 403 for its own ticket and 404 for any other (rules.md Roles)
            agent = client.me().id();
        }
        print(out(), client.assign(idParam.ticketId, agent));
        return ExitCodes.OK;
    }

    static void print(Output out, Ticket ticket) {
        if (out.json()) {
            out.printJson(ticket);
        } else if (out.quiet()) {
            out.println(Long.toString(ticket.id()));
        } else if (ticket.assignee() == null) {
            out.println("#" + ticket.id() + " is assigned to nobody now: " + Shown.line(ticket.title()));
        } else {
            out.println("Assigned #" + ticket.id() + " to " + Shown.line(ticket.assignee().name()) + ": "
                    + Shown.line(ticket.title()));
        }
    }
}
