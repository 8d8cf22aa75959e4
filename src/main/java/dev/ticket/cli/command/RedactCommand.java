package dev.ticket.cli.command;

import dev.ticket.cli.BaseCommand;
import dev.ticket.cli.PrintsJson;
import dev.ticket.cli.ExitCodes;
import dev.ticket.cli.output.Output;
import dev.ticket.cli.output.Shown;
import dev.ticket.client.Redaction;
import dev.ticket.model.Message;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code ticket redact MESSAGE_ID}: erases a message (a leaked secret) and leaves a note of who and when. */
@Command(name = "redact",
        description = {"Redact a message: erase its text and attachments (the support team only).",
                "The body becomes \"redacted by NAME at TIME\", the attachments are removed and their bytes erased "
                        + "from the service's storage; the ticket and its other messages stay, and open chat views "
                        + "refresh. Use it when a secret was pasted into a ticket. It cannot be undone; redacting a message "
                        + "again keeps the first note (and says so). Message ids "
                        + "are in 'ticket show ID --json'. --json: the message as it is now."},
        footer = {
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
        Redaction answer = client().redact(messageId);
        Message redacted = answer.message();
        Output out = out();
        if (!out.printedForScripts(redacted, redacted.id())) {
            // the body of a redacted message is its note: "redacted by NAME at TIME"
            out.println("Message " + redacted.id() + " in #" + redacted.ticketId()
                    + (answer.earlier() ? " was already " : " is now: ") + Shown.line(redacted.body()));
        }
        return ExitCodes.OK;
    }
}
