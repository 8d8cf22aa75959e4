package dev.ticket.cli.command;

import dev.ticket.cli.BaseCommand;
import dev.ticket.cli.PrintsJson;
import dev.ticket.cli.ExitCodes;
import dev.ticket.cli.output.Output;
import dev.ticket.cli.output.Table;
import dev.ticket.model.User;
import java.util.List;
import picocli.CommandLine.Command;

/** {@code ticket admin user list}: every user. */
@Command(name = "list", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"List every user.", "Shows id, name, role, account and whether the user is disabled (--json: an array of users; "
                        + "disabled_at only on disabled ones)."},
        footer = {"", "Examples:",
                "  ticket admin user list",
                "  ticket admin user list --json | jq -r '.[] | select(.role==\"agent\") | .name'"})
@PrintsJson(User.class)
public class AdminUserListCommand extends BaseCommand {

    @Override
    protected int run() {
        List<User> users = client().users();
        Output out = out();
        if (!out.listedForScripts(users, u -> u.id())) {
            Table table = new Table("ID", "NAME", "ROLE", "ACCOUNT", "STATE").alignRight(0);
            for (User u : users) {
                table.row("#" + u.id(), u.name(), u.role() == null ? "" : u.role().wire(),
                        u.account() == null ? "" : u.account(), u.disabledAt() == null ? "active" : "disabled");
            }
            table.print(out.out(), out.style(), 0, (column, text) -> text);
        }
        return ExitCodes.OK;
    }
}
