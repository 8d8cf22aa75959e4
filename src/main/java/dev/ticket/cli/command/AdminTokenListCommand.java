package dev.ticket.cli.command;

import dev.ticket.cli.BaseCommand;
import dev.ticket.cli.PrintsJson;
import dev.ticket.cli.ExitCodes;
import dev.ticket.cli.output.Table;
import dev.ticket.cli.output.Formats;
import dev.ticket.model.TokenInfo;
import picocli.CommandLine.Command;

/** {@code ticket admin token list}: every token's metadata, never the token. */
@Command(name = "list",
        description = {"List every token: id, user, created, last used, expiry, state (never the token or its hash).",
                "Newest first. Last use is accurate to about a minute. STATE is live, revoked, expired or disabled "
                        + "(its user is disabled: the token works again when the user is enabled). --json: an array "
                        + "of {id, user_id, user, created_at, last_used_at, expires_at, revoked_at, user_disabled_at} "
                        + "(absent when unset)."},
        footer = {
                "  ticket admin token list",
                "  ticket admin token list --json | jq -r '.[] | select(.expires_at) | .user'"})
@PrintsJson(TokenInfo.class)
public class AdminTokenListCommand extends BaseCommand {

    @Override
    protected int run() {
        Formats formats = new Formats(clock);
        out().list(client().tokens(), TokenInfo::id,
                new Table("ID", "USER", "CREATED", "LAST USED", "EXPIRES", "STATE").alignRight(0),
                t -> new String[] {"#" + t.id(), "#" + t.userId() + " " + t.user(), formats.dateTime(t.createdAt()),
                        t.lastUsedAt() == null ? "never" : formats.ago(t.lastUsedAt()),
                        t.expiresAt() == null ? "never" : formats.dateTime(t.expiresAt()), state(t)});
        return ExitCodes.OK;
    }

    private String state(TokenInfo t) {
        return t.revokedAt() != null ? "revoked"
                : t.expiresAt() != null && !t.expiresAt().isAfter(clock.instant()) ? "expired"
                : t.userDisabledAt() != null ? "disabled" : "live";
    }
}
