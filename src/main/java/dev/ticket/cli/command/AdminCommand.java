package dev.ticket.cli.command;

import dev.ticket.cli.BaseCommand;
import dev.ticket.cli.ExitCodes;
import picocli.CommandLine.Command;

/** {@code ticket admin}: users and tokens, with an admin token. Its groups only list their subcommands. */
@Command(name = "admin", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Manage users and tokens (needs an admin token).",
        subcommands = {AdminCommand.UserGroup.class, AdminCommand.TokenGroup.class},
        footer = {"", "Examples:",
                "  ticket admin user add anna --role customer --account acme",
                "  ticket admin user list",
                "  ticket admin token revoke 7"})
public class AdminCommand extends BaseCommand {
    @Override
    protected int run() {
        spec.commandLine().usage(io.out());
        return ExitCodes.OK;
    }

    /** {@code ticket admin user}. */
    @Command(name = "user", mixinStandardHelpOptions = true, sortOptions = false, description = "Add and list users.",
            subcommands = {AdminUserAddCommand.class, AdminUserListCommand.class},
            footer = {"", "Examples:",
                    "  ticket admin user add bob --role agent",
                    "  ticket admin user list --json"})
    public static class UserGroup extends BaseCommand {
        @Override
        protected int run() {
            spec.commandLine().usage(io.out());
            return ExitCodes.OK;
        }
    }

    /** {@code ticket admin token}. */
    @Command(name = "token", mixinStandardHelpOptions = true, sortOptions = false, description = "Issue and revoke users' tokens.",
            subcommands = {AdminTokenIssueCommand.class, AdminTokenRevokeCommand.class},
            footer = {"", "Examples:",
                    "  ticket admin token issue 7",
                    "  ticket admin token revoke 7"})
    public static class TokenGroup extends BaseCommand {
        @Override
        protected int run() {
            spec.commandLine().usage(io.out());
            return ExitCodes.OK;
        }
    }
}
