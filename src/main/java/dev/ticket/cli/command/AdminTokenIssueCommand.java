package dev.ticket.cli.command;

import dev.ticket.cli.BaseCommand;
import dev.ticket.cli.PrintsJson;
import dev.ticket.cli.ExitCodes;
import dev.ticket.cli.output.Output;
import dev.ticket.cli.output.Shown;
import dev.ticket.client.TicketClient;
import dev.ticket.model.User;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code ticket admin token issue USER}: a new token for a user. */
@Command(name = "issue",
        description = {"Issue another token for a user and print it.",
                "The token is shown this once. Earlier tokens stay valid until revoked. USER is a name or an id "
                        + "(#7 or 7)."},
        footer = {
                "  ticket admin token revoke 7 && ticket admin token issue 7",
                "  ticket admin token issue 7 --json | jq -r .token",
                "  ticket admin token issue bob --expires 12h"})
@PrintsJson(User.class)
public class AdminTokenIssueCommand extends BaseCommand {
    @Parameters(index = "0", paramLabel = "USER", description = "The user's name or id (see 'ticket admin user list').")
    String user;

    @Mixin
    ExpiresOption expires;

    @Override
    protected int run() {
        TicketClient client = client();
        User issued = client.issueToken(AdminUserDisableCommand.resolve(client, user),
                expires.seconds(), TicketClient.newIdempotencyKey());
        Output out = out();
        if (out.json()) {
            out.printJson(issued);
        } else if (out.quiet()) {
            out.println(Shown.line(issued.token()));
        } else {
            out.println("New token for " + WhoamiCommand.describe(issued) + " (shown once): "
                    + Shown.line(issued.token()));
        }
        return ExitCodes.OK;
    }
}
