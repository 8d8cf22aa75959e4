package dev.ticket.cli.command;

import picocli.CommandLine.Command;

/** {@code ticket admin}: users and tokens, with an admin token. Its groups only list their subcommands. */
@Command(name = "admin",
        description = "Manage users and tokens, take backups (needs an admin token).",
        subcommands = {AdminCommand.UserGroup.class, AdminCommand.TokenGroup.class, AdminBackupCommand.class,
                AdminAuditCommand.class},
        footer = {
                "  ticket admin user add anna --role customer --account acme",
                "  ticket admin user list",
                "  ticket admin user disable bob",
                "  ticket admin token list",
                "  ticket admin token revoke 7",
                "  ticket admin backup --to ticket.tar",
                "  ticket admin audit"})
public class AdminCommand extends GroupCommand {

    /** {@code ticket admin user}. */
    @Command(name = "user", description = "Add, list, disable and enable users.",
            subcommands = {AdminUserAddCommand.class, AdminUserListCommand.class, AdminUserDisableCommand.class,
                    AdminUserDisableCommand.Enable.class},
            footer = {
                    "  ticket admin user add bob --role agent",
                    "  ticket admin user add contractor --role agent --expires 30d",
                    "  ticket admin user disable bob",
                    "  ticket admin user list --json"})
    public static class UserGroup extends GroupCommand {
    }

    /** {@code ticket admin token}. */
    @Command(name = "token", description = "List, issue and revoke users' tokens.",
            subcommands = {AdminTokenListCommand.class, AdminTokenIssueCommand.class, AdminTokenRevokeCommand.class},
            footer = {
                    "  ticket admin token list",
                    "  ticket admin token issue 7 --expires 90d",
                    "  ticket admin token revoke 7"})
    public static class TokenGroup extends GroupCommand {
    }
}
