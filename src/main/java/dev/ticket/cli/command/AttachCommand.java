package dev.ticket.cli.command;

import dev.ticket.cli.BaseCommand;
import dev.ticket.cli.PrintsJson;
import dev.ticket.cli.ExitCodes;
import dev.ticket.cli.UsageException;
import dev.ticket.cli.output.Output;
import dev.ticket.cli.output.Shown;
import dev.ticket.cli.output.TerminalProgress;
import dev.ticket.client.FilePart;
import dev.ticket.client.TicketClient;
import dev.ticket.model.Attachment;
import dev.ticket.model.ByteSizes;
import dev.ticket.model.Message;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code ticket attach ID FILE... [-m TEXT]}: a message carrying files. */
@Command(name = "attach",
        description = {"Attach files to a ticket.",
                "Adds a message carrying the files (screenshots, logs, any file), with a progress bar on a "
                        + "terminal.",
                "The service's limits (size per file, files per message) are checked before anything is sent; a "
                        + "file over them is exit 2. A Done ticket takes no files (exit 5).",
                "A FILE may be a pipe, such as <(command), or - for standard input: it is sent as it is read, "
                        + "and the service refuses it (exit 2, naming the limit) if it grows over the limit. Such a "
                        + "file is named stdin.txt unless --name gives a name."},
        footer = {
                "  ticket attach 42 screenshot.png",
                "  ticket attach '#42' app.log crash.txt -m \"Logs from this morning's failure.\"",
                "  ticket attach 42 *.png -q           # prints the new message's id",
                "  ticket attach 42 <(journalctl -u app --since today) --name app.log",
                "  make test 2>&1 | ticket attach 42 -       # stored as stdin.txt"})
@PrintsJson(Message.class)
public class AttachCommand extends BaseCommand {
    private static final Path STDIN = Path.of("-");

    @Mixin
    TicketIdParameter idParam;

    @Parameters(index = "1..*", arity = "1..*", paramLabel = "FILE", description = "The files to attach.")
    List<Path> files;

    @Option(names = {"-m", "--message"}, paramLabel = "TEXT", description = "Text to go with the files.")
    String text;

    @Option(names = "--name", paramLabel = "NAME",
            description = "The name to store the file under (one FILE only; for - or <(command)).")
    String name;

    @Override
    protected java.util.Map<String, String> apiFields() {
        return java.util.Map.of("body", "--message");
    }

    @Override
    protected int run() {
        TicketClient client = client();
        List<FilePart> parts = parts(FileSender.checkForReply(onDisk(), () -> client, idParam.ticketId,
                files.contains(STDIN)));
        Message sent = client.replyWith(idParam.ticketId, text == null ? "" : text, parts, TicketClient.newIdempotencyKey(),
                TerminalProgress.forTask(io, out(), "Uploading"));
        Output out = out();
        if (!out.printedForScripts(sent, sent.id())) {
            for (Attachment a : sent.attachments()) {
                out.println("Attached " + Shown.line(a.filename()) + " (" + ByteSizes.human(a.size()) + ") to #"
                        + idParam.ticketId + " as file " + a.id() + ".");
            }
        }
        return ExitCodes.OK;
    }

    /** The FILEs other than {@code -}; a usage error for a second {@code -} or --name with several files. */
    private List<Path> onDisk() {
        if (files.stream().filter(STDIN::equals).count() > 1) {
            throw new UsageException("standard input (-) can be attached once");
        }
        if (name != null && files.size() > 1) {
            throw new UsageException("--name names one file; you gave " + files.size());
        }
        if (name != null && (name.isBlank() || name.contains("/"))) {
            throw new UsageException("--name takes a file name (not empty, no '/')");
        }
        return files.stream().filter(f -> !f.equals(STDIN)).toList();
    }

    /** The files in the order given, {@code -} read from standard input, under --name when it is given. */
    private List<FilePart> parts(List<Path> checked) {
        List<FilePart> parts = new ArrayList<>();
        int next = 0;
        for (Path file : files) {
            FilePart part = file.equals(STDIN) ? FilePart.of(io.in(), null) : FilePart.of(checked.get(next++));
            parts.add(name == null ? part : part.named(name));
        }
        return parts;
    }
}
