package dev.ticket.cli.command;

import dev.ticket.cli.BaseCommand;
import dev.ticket.cli.ExitCodes;
import dev.ticket.cli.UsageException;
import dev.ticket.cli.output.TerminalProgress;
import dev.ticket.client.UnavailableException;
import dev.ticket.files.BackupArchive;
import dev.ticket.model.ByteSizes;
import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ticket admin backup --to FILE}: the service's consistent snapshot, saved whole or not at all. */
@Command(name = "backup",
        description = {"Save a backup of the service: its database and attachment files in one tar archive.",
                "The service (SQLite) takes a consistent snapshot while it keeps serving and streams it. The "
                        + "archive is written under a temporary name beside FILE, every file in it is checked "
                        + "against the SHA-256 in its manifest, and only then is it renamed to FILE (replacing "
                        + "one that is there): a failed backup leaves nothing half-written. '-' writes it to "
                        + "standard output, unchecked. Restore with: ticket serve --restore FILE --data EMPTY_DIR.",
                "The service copies the database before the first byte comes, so each answer may take up to 10 "
                        + "minutes unless --timeout says otherwise.",
                "A service on PostgreSQL has no backup endpoint: back it up with pg_dump (exit 2)."},
        footer = {
                "  ticket admin backup --to ticket-$(date +%%F).tar",
                "  ticket admin backup --to - | zstd > ticket.tar.zst",
                "  ticket serve --restore ticket-2026-12-06.tar --data /var/lib/ticket-new"})
public class AdminBackupCommand extends BaseCommand {
    /** The first bytes kept from a backup written to standard output, to read its manifest for the summary. */
    private static final int HEAD = 4 * 1024 * 1024;
    private static final Duration SNAPSHOT_WAIT = Duration.ofMinutes(10);

    @Option(names = "--to", required = true, paramLabel = "FILE", description = "Where to write the archive ('-': "
            + "standard output).")
    String to;

    /** Copying a large database comes before the archive's first byte: 30 s is too short a default wait. */
    @Override
    protected Duration timeout() {
        Duration given = super.timeout();
        return given != null ? given : SNAPSHOT_WAIT;
    }

    @Override
    protected int run() throws IOException {
        if (to.equals("-")) {
            return toStandardOutput();
        }
        Path target = Path.of(to).toAbsolutePath();
        if (Files.isDirectory(target)) {
            throw new UsageException(to + " is a directory; give the archive's file name, e.g. " + to
                    + "/ticket-backup.tar");
        }
        Path temp;
        try {
            temp = Files.createTempFile(target.getParent(), "." + target.getFileName() + ".", ".part");
        } catch (IOException e) {
            throw new UsageException("cannot write in " + target.getParent() + ": " + e.getMessage());
        }
        try {
            long bytes;
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE);
                 OutputStream file = new BufferedOutputStream(Channels.newOutputStream(channel), 256 * 1024)) {
                bytes = download(file);
                file.flush();
                channel.force(true);
            }
            BackupArchive.Manifest manifest;
            try {
                manifest = BackupArchive.verify(temp);
            } catch (BackupArchive.InvalidException e) {
                throw new UnavailableException("the backup arrived damaged and was not saved: " + e.getMessage(),
                        null, e);
            }
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            out().println("Saved " + to + " (" + ByteSizes.human(bytes) + "): " + summary(manifest)
                    + ", every SHA-256 checked.");
            return ExitCodes.OK;
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private int toStandardOutput() throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        OutputStream tee = new OutputStream() {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                io.out().write(b, off, len);
                head.write(b, off, Math.max(0, Math.min(len, HEAD - head.size())));
            }

            @Override
            public void write(int b) throws IOException {
                write(new byte[] {(byte) b}, 0, 1);
            }
        };
        long bytes = download(tee);
        io.out().flush();
        String counts;
        try {
            counts = summary(BackupArchive.manifest(new ByteArrayInputStream(head.toByteArray())));
        } catch (IOException e) {
            counts = "manifest not read";
        }
        io.err().println("Wrote the backup to standard output (" + ByteSizes.human(bytes) + "): " + counts + ".");
        return ExitCodes.OK;
    }

    private long download(OutputStream sink) {
        try {
            return client().backup(sink, TerminalProgress.forTask(io, out(), "backup"));
        } catch (UnavailableException e) {
            if (e.problem() != null && e.problem().status() == 501) {
                throw new UsageException("this service keeps its data in PostgreSQL and cannot stream a backup: "
                        + "back it up with pg_dump (e.g. pg_dump -Fc DBNAME > ticket.dump)", e);
            }
            throw e;
        }
    }

    private static String summary(BackupArchive.Manifest m) {
        return m.summary() + " (" + m.blobs().size() + " attachment file" + (m.blobs().size() == 1 ? "" : "s")
                + ")";
    }
}
