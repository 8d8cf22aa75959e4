package dev.ticket.cli.command;

import dev.ticket.cli.BaseCommand;
import dev.ticket.cli.ExitCodes;
import dev.ticket.cli.output.Output;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code ticket admin token revoke USER}: revokes every token of a user. */
@Command(name = "revoke",
        description = {"Revoke every token of a user.", "Requests with them are refused from now on (exit 3). USER is a "
                + "name or an id (#7 or 7)."},
        footer = {
                "  ticket admin token revoke 7",
                "  ticket admin token revoke bob",
                "  ticket admin user list --json | jq '.[] | select(.name == \"bob\") | .id' \\",
                "    | xargs -r -n1 ticket admin token revoke"})
public class AdminTokenRevokeCommand extends BaseCommand {
    @Parameters(index = "0", paramLabel = "USER", description = "The user's name or id (see 'ticket admin user list').")
    String user;

    @Override
    protected java.util.List<String> jsonFields() {
        return java.util.List.of("user_id", "revoked");
    }

    @Override
    protected int run() {
        dev.ticket.client.TicketClient client = client();
        long userId = AdminUserDisableCommand.resolve(client, user);
        client.revokeTokens(userId);
        Output out = out();
        if (!out.printedForScripts(Map.of("user_id", userId, "revoked", true), userId)) {
            out.println("Revoked every token of user #" + userId + ".");
        }
        return ExitCodes.OK;
    }
}
