package dev.ticket.cli.command;

import dev.ticket.cli.BaseCommand;
import dev.ticket.cli.PrintsJson;
import dev.ticket.cli.ExitCodes;
import dev.ticket.cli.output.Table;
import dev.ticket.model.User;
import picocli.CommandLine.Command;

/** {@code ticket admin user list}: every user. */
@Command(name = "list",
        description = {"List every user.", "Shows id, name, role, account and whether the user is disabled (--json: an array of users; "
                        + "disabled_at only on disabled ones)."},
        footer = {
                "  ticket admin user list",
                "  ticket admin user list --json | jq -r '.[] | select(.role==\"agent\") | .name'"})
@PrintsJson(User.class)
public class AdminUserListCommand extends BaseCommand {

    @Override
    protected int run() {
        out().list(client().users(), User::id, new Table("ID", "NAME", "ROLE", "ACCOUNT", "STATE").alignRight(0),
                u -> new String[] {"#" + u.id(), u.name(), u.role() == null ? "" : u.role().wire(),
                        u.account() == null ? "" : u.account(), u.disabledAt() == null ? "active" : "disabled"});
        return ExitCodes.OK;
    }
}
