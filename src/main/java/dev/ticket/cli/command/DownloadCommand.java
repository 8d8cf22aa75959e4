package dev.ticket.cli.command;

import dev.ticket.cli.BaseCommand;
import dev.ticket.cli.ExitCodes;
import dev.ticket.cli.UsageException;
import dev.ticket.cli.output.Output;
import dev.ticket.cli.output.TerminalProgress;
import dev.ticket.client.ApiException;
import dev.ticket.client.NotFoundException;
import dev.ticket.client.TicketClient;
import dev.ticket.model.Attachment;
import dev.ticket.files.BlockFileWriter;
import dev.ticket.model.ByteSizes;
import dev.ticket.model.Message;
import dev.ticket.model.Ticket;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code ticket download ID}: saves a ticket's attachments, verified, never outside DIR, never over a file. */
@Command(name = "download",
        description = {"Save a ticket's attachments.",
                "Saves every attachment of the ticket, or the one given with --attachment, into DIR.",
                "Each file is checked against its SHA-256 before it takes its name; an existing file is never "
                        + "overwritten without --force (exit 2, nothing is downloaded); whatever a stored name "
                        + "says, files land as plain names inside DIR."},
        footer = {
                "  ticket download 42                  # every attachment, into this directory",
                "  ticket download 42 --attachment 7 -o ~/Downloads",
                "  ticket download '#42' -o logs --force"})
public class DownloadCommand extends BaseCommand {
    /** What was saved where (the {@code --json} output). */
    record Saved(long id, String filename, String contentType, long size, String sha256, String path) {
    }

    @Mixin
    TicketIdParameter idParam;

    @Option(names = "--attachment", paramLabel = "AID",
            description = "Only this attachment (its id, as 'ticket show' lists it).")
    Long attachmentId;

    @Option(names = {"-o", "--output"}, paramLabel = "DIR", defaultValue = ".",
            description = "Directory to save into (default: the current one; created if missing).")
    Path dir;

    @Option(names = "--force", description = "Overwrite files that already exist.")
    boolean force;

    @Override
    protected int run() throws IOException {
        TicketClient client = client();
        List<Attachment> wanted = wanted(client.getTicket(idParam.ticketId));
        Path base = directory();
        Map<Attachment, Path> targets = SafeNames.plan(wanted, base);
        if (!force) {
            for (Path target : targets.values()) {
                if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
                    throw new UsageException(dir.resolve(target.getFileName()) + " already exists; nothing was "
                            + "downloaded (use --force to overwrite)");
                }
            }
        }
        List<Saved> saved = new ArrayList<>();
        for (Map.Entry<Attachment, Path> entry : targets.entrySet()) {
            Attachment a = entry.getKey();
            save(client, a, entry.getValue(), base);
            saved.add(new Saved(a.id(), a.filename(), a.contentType(), a.size(), a.sha256(),
                    dir.resolve(entry.getValue().getFileName()).toString()));
        }
        report(saved);
        return ExitCodes.OK;
    }

    private List<Attachment> wanted(Ticket ticket) {
        List<Attachment> all = new ArrayList<>();
        for (Message m : ticket.messages()) {
            for (Attachment a : m.attachments()) {
                if (attachmentId == null || a.id() == attachmentId) {
                    all.add(a);
                }
            }
        }
        if (attachmentId != null && all.isEmpty()) {
            throw new NotFoundException("ticket #" + idParam.ticketId + " has no attachment " + attachmentId
                    + " (see 'ticket show " + idParam.ticketId + "')", null);
        }
        return all;
    }

    private Path directory() {
        Path base = dir.toAbsolutePath().normalize();
        try {
            Files.createDirectories(base);
        } catch (IOException e) {
            throw new UsageException("cannot use " + dir + " as the download directory: " + e.getMessage());
        }
        return base;
    }

    /** Downloads to a temporary file in DIR, checks size and SHA-256, and only then gives it its name. */
    private void save(TicketClient client, Attachment a, Path target, Path base) throws IOException {
        Path temp = partFile(base);
        try {
            MessageDigest sha = sha256();
            long received;
            // 1 MiB blocks, direct I/O where the file system has it: a GiB through the page cache cost 2 s of CPU
            try (BlockFileWriter file = BlockFileWriter.open(temp)) {
                OutputStream out = new OutputStream() {
                    @Override
                    public void write(byte[] b, int off, int len) throws IOException {
                        sha.update(b, off, len);
                        file.write(b, off, len);
                    }

                    @Override
                    public void write(int b) throws IOException {
                        write(new byte[] {(byte) b}, 0, 1);
                    }
                };
                received = client.download(a.id(), out,
                        TerminalProgress.forTask(io, out(), SafeNames.plain(a.filename(), a.id())));
                file.finish();
            }
            String got = HexFormat.of().formatHex(sha.digest());
            if (received != a.size() || !got.equals(a.sha256())) {
                throw new ApiException("attachment " + a.id() + " arrived damaged (" + received + " bytes, SHA-256 "
                        + got + "; expected " + a.size() + " bytes, " + a.sha256() + "); it was not saved", null);
            }
            if (force) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } else {
                Files.move(temp, target);
            }
        } catch (FileAlreadyExistsException e) {
            throw new UsageException(dir.resolve(target.getFileName()) + " appeared meanwhile; use --force to "
                    + "overwrite");
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /**
     * A new hidden file in DIR for the bytes in transit. Created without explicit permissions so the saved
     * file gets the user's umask like any other download (createTempFile would leave it 0600).
     */
    private static Path partFile(Path base) throws IOException {
        java.security.SecureRandom random = new java.security.SecureRandom();
        for (int attempt = 0; ; attempt++) {
            Path part = base.resolve(".ticket-download-" + Long.toUnsignedString(random.nextLong(), 36) + ".part");
            try {
                return Files.createFile(part);
            } catch (FileAlreadyExistsException e) {
                if (attempt >= 10) {
                    throw e;
                }
            }
        }
    }

    private void report(List<Saved> saved) {
        Output out = out();
        if (out.json()) {
            out.printJson(saved);
        } else if (out.quiet()) {
            saved.forEach(s -> out.println(Long.toString(s.id())));
        } else if (saved.isEmpty()) {
            out.println("Ticket #" + idParam.ticketId + " has no attachments.");
        } else {
            saved.forEach(s -> out.println("Saved " + s.path() + " (" + ByteSizes.human(s.size()) + ", SHA-256 checked)"));
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
