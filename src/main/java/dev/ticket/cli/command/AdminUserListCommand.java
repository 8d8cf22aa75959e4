package dev.ticket.cli.command;

import dev.ticket.cli.BaseCommand;
import dev.ticket.cli.ExitCodes;
import dev.ticket.cli.JsonFieldsOption;
import dev.ticket.cli.output.Output;
import dev.ticket.cli.output.Table;
import dev.ticket.model.User;
import java.util.List;
import picocli.CommandLine.Command;

/** {@code ticket admin user list}: every user. */
@Command(name = "list", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"List every user.", "Shows id, name, role and account (--json: an array of users)."},
        footer = {"", "Examples:",
                "  ticket admin user list",
                "  ticket admin user list --json | jq -r '.[] | select(.role==\"agent\") | .name'"})
public class AdminUserListCommand extends BaseCommand {
    @Override
    protected java.util.List<String> jsonFields() {
        return JsonFieldsOption.of(dev.ticket.model.User.class);
    }

    @Override
    protected int run() {
        List<User> users = client().users();
        Output out = out();
        if (out.json()) {
            out.printJson(users);
        } else if (out.quiet()) {
            users.forEach(u -> out.println(Long.toString(u.id())));
        } else {
            Table table = new Table("ID", "NAME", "ROLE", "ACCOUNT").alignRight(0);
            for (User u : users) {
                table.row("#" + u.id(), u.name(), u.role() == null ? "" : u.role().wire(),
                        u.account() == null ? "" : u.account());
            }
            table.print(out.out(), out.style(), 0, (column, text) -> text);
        }
        return ExitCodes.OK;
    }
}
