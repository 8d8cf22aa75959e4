package dev.ticket.cli.command;

import dev.ticket.cli.BaseCommand;
import dev.ticket.cli.PrintsJson;
import dev.ticket.cli.ExitCodes;
import dev.ticket.cli.output.Table;
import dev.ticket.cli.output.Formats;
import dev.ticket.model.AuditEntry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** {@code ticket admin audit}: the audit log of admin actions, newest first. */
@Command(name = "audit",
        description = {"Show the audit log of admin actions, newest first.",
                "Users added, disabled or enabled, tokens issued or revoked, messages redacted and backups: who, "
                        + "what, on what, when and from which client address. --json: an array of "
                        + "{id, at, actor_id, actor, action, target, client}."},
        footer = {
                "  ticket admin audit",
                "  ticket admin audit --limit 500 --json \\",
                "    | jq -r '.[] | select(.action == \"message.redact\") | .target'"})
@PrintsJson(AuditEntry.class)
public class AdminAuditCommand extends BaseCommand {
    @Option(names = "--limit", paramLabel = "N", defaultValue = "50",
            description = "How many entries (1-1000, default ${DEFAULT-VALUE}).")
    int limit;

    @Override
    protected int run() {
        if (limit < 1 || limit > 1000) {
            throw new ParameterException(spec.commandLine(), "--limit must be between 1 and 1000");
        }
        Formats formats = new Formats(clock);
        out().list(client().audit(limit), AuditEntry::id, new Table("WHEN", "WHO", "ACTION", "TARGET", "FROM"),
                e -> new String[] {formats.dateTime(e.at()), e.actor(), e.action(), e.target(), e.client()});
        return ExitCodes.OK;
    }
}
