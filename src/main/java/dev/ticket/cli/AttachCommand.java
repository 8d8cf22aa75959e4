package dev.ticket.cli;

import dev.ticket.client.TicketClient;
import dev.ticket.model.Attachment;
import dev.ticket.model.ByteSizes;
import dev.ticket.model.Message;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code ticket attach ID FILE... [-m TEXT]}: a message carrying files. */
@Command(name = "attach", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Attach files to a ticket.",
                "Adds a message carrying the files (screenshots, logs, any file), with a progress bar on a "
                        + "terminal.",
                "The service's limits (size per file, files per message) are checked before anything is sent; a "
                        + "file over them is exit 2. A Done ticket takes no files (exit 5).",
                "A FILE may be a pipe, such as <(command): it is sent as it is read, and the service refuses it "
                        + "(exit 2, naming the limit) if it grows over the limit."},
        footer = {"", "Examples:",
                "  ticket attach 42 screenshot.png",
                "  ticket attach '#42' app.log crash.txt -m \"Logs from this morning's failure.\"",
                "  ticket attach 42 *.png -q           # prints the new message's id",
                "  ticket attach 42 <(journalctl -u app --since today)"})
public class AttachCommand extends BaseCommand {
    @Parameters(index = "0", paramLabel = "ID", converter = TicketIdConverter.class,
            description = "The ticket: 42 or #42.")
    long ticketId;

    @Parameters(index = "1..*", arity = "1..*", paramLabel = "FILE", description = "The files to attach.")
    List<Path> files;

    @Option(names = {"-m", "--message"}, paramLabel = "TEXT", description = "Text to go with the files.")
    String text;

    @Override
    protected java.util.List<String> jsonFields() {
        return JsonFieldsOption.of(dev.ticket.model.Message.class);
    }

    @Override
    protected int run() {
        TicketClient client = client();
        List<Path> ready = FileSender.checkForReply(files, () -> client, ticketId);
        Message sent = client.reply(ticketId, text == null ? "" : text, ready, TicketClient.newIdempotencyKey(),
                TerminalProgress.forTask(io, out(), "Uploading"));
        Output out = out();
        if (out.json()) {
            out.printJson(sent);
        } else if (out.quiet()) {
            out.println(Long.toString(sent.id()));
        } else {
            for (Attachment a : sent.attachments()) {
                out.println("Attached " + Transcript.plain(a.filename()) + " (" + ByteSizes.human(a.size()) + ") to #"
                        + ticketId + " as file " + a.id() + ".");
            }
        }
        return ExitCodes.OK;
    }
}
