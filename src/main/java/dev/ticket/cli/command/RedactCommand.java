package dev.ticket.cli.command;

import dev.ticket.cli.BaseCommand;
import dev.ticket.cli.PrintsJson;
import dev.ticket.cli.ExitCodes;
import dev.ticket.cli.output.Output;
import dev.ticket.cli.output.Shown;
import dev.ticket.model.Message;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code ticket redact MESSAGE_ID}: erases a message (a leaked secret) and leaves a note of who and when. */
@Command(name = "redact", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Redact a message: erase its text and attachments (the support team only).",
                "The body becomes \"redacted by NAME at TIME\", the attachments are removed and their bytes erased "
                        + "from the service's storage; the ticket and its other messages stay, and open chat views "
                        + "refresh. Use it when a secret was pasted into a ticket. It cannot be undone; redacting a message "
                        + "again keeps the first note (and says so). Message ids "
                        + "are in 'ticket show ID --json'. --json: the message as it is now."},
        footer = {"", "Examples:",
                "  ticket show 42 --json | jq '.messages[] | {id, body}'",
                "  ticket redact 1234",
                "  ticket redact 1234 --json | jq -r .body"})
@PrintsJson(Message.class)
public class RedactCommand extends BaseCommand {
    @Parameters(index = "0", paramLabel = "MESSAGE_ID", converter = TicketIdConverter.class,
            description = "The message's id (see 'ticket show ID --json').")
    long messageId;

    @Override
    protected int run() {
        java.time.Instant started = clock.instant();
        Message redacted = client().redact(messageId);
        Output out = out();
        if (!out.printedForScripts(redacted, redacted.id())) {
            out.println("Message " + redacted.id() + " in #" + redacted.ticketId()
                    + (redactedBefore(redacted.body(), started) ? " was already redacted: " : " is now: ")
                    + Shown.line(redacted.body()));
        }
        return ExitCodes.OK;
    }

    /**
     * Whether the note says the message was redacted well before this command ran: the service answers a second
     * redaction with the message as it is, first note kept. Five seconds of slack cover clocks that differ.
     */
    private static boolean redactedBefore(String body, java.time.Instant started) {
        java.util.regex.Matcher note = NOTE.matcher(body);
        if (!note.matches()) {
            return false;
        }
        try {
            return java.time.Instant.parse(note.group(1)).isBefore(started.minusSeconds(5));
        } catch (java.time.DateTimeException e) {
            return false;
        }
    }

    private static final java.util.regex.Pattern NOTE = java.util.regex.Pattern.compile("redacted by .* at (\\S+)");
}
