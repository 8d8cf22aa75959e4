package dev.ticket.cli.command;

import dev.ticket.cli.BaseCommand;
import dev.ticket.cli.PrintsJson;
import dev.ticket.cli.ExitCodes;
import dev.ticket.cli.UsageException;
import dev.ticket.cli.output.Output;
import dev.ticket.cli.output.TerminalProgress;
import dev.ticket.client.TicketClient;
import dev.ticket.model.Message;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Command;

/** {@code ticket reply ID}: adds a message to a ticket. */
@Command(name = "reply",
        description = {"Add a message to a ticket.",
                "To add to your question, reply in the same ticket rather than opening a new one.",
                "A Done ticket cannot be replied to (exit 5): open a new one with 'ticket new --ref ID'.",
                "On a terminal without -m or -F it opens $EDITOR; an empty message cancels."},
        footer = {
                "  ticket reply 42 -m \"It happens in Chrome and Firefox alike.\"",
                "  ticket reply '#42' -e",
                "  journalctl -u bot --since today | ticket reply 42 -F -",
                "  ticket reply 42 -m \"Here is the log.\" -a app.log"})
@PrintsJson(Message.class)
public class ReplyCommand extends BaseCommand {
    static final String TEMPLATE = String.join("\n", "",
            "# Write your reply above. Lines starting with '# ' are dropped; an empty message cancels.", "");

    @Mixin
    TicketIdParameter idParam;

    @Mixin
    MessageOptions message;

    @Option(names = {"-a", "--attach"}, paramLabel = "FILE",
            description = "Attach a file (repeatable); with files the message may be empty.")
    List<Path> attachments = new ArrayList<>();

    @Override
    protected int run() {
        List<Path> files = FileSender.checkForReply(attachments, this::client, idParam.ticketId);
        String body = files.isEmpty() || message.given() || io.canPrompt() ? compose() : "";
        Message sent = client().reply(idParam.ticketId, body, files, TicketClient.newIdempotencyKey(),
                TerminalProgress.forTask(io, out(), "Uploading"));
        Output out = out();
        if (!out.printedForScripts(sent, sent.id())) {
            out.println("Replied to #" + idParam.ticketId + ".");
        }
        return ExitCodes.OK;
    }

    @Override
    protected java.util.Map<String, String> apiFields() {
        return java.util.Map.of("body", MessageOptions.messageFlag(message));
    }

    private String compose() {
        Composer composer = new Composer(io);
        if (!io.canPrompt()) {
            String body = composer.fromOptions(message, TEMPLATE, null);
            if (body == null) {
                throw new UsageException("missing the message: give -m TEXT, -F FILE or -F - "
                        + "(no terminal to ask for it)");
            }
            return body;
        }
        try (Prompter prompter = new Prompter(io)) {
            String body = composer.fromOptions(message, TEMPLATE, prompter);
            return body != null ? body : composer.fromEditor(TEMPLATE, prompter);
        }
    }
}
