package dev.ticket.cli.command;

import dev.ticket.cli.UsageException;
import dev.ticket.client.TicketClient;
import dev.ticket.client.TicketClosedException;
import dev.ticket.model.ByteSizes;
import dev.ticket.model.Limits;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Files a user asked to send: each must be readable and not a directory, and together they must fit the
 * limits the service publishes, checked here before a byte is sent (exit 2 naming the limit). A pipe
 * (process substitution, {@code /dev/stdin}) is sent as it is read; the service refuses it with 413 if it
 * runs over the limit, and that answer arrives as such (exit 2 naming the limit).
 */
final class FileSender {
    private FileSender() {
    }

    /** The files as paths, checked locally and against the service's limits. */
    static List<Path> check(List<Path> files, Supplier<TicketClient> client) {
        if (files == null || files.isEmpty()) {
            return List.of();
        }
        List<Path> ready = new ArrayList<>();
        for (Path file : files) {
            if (!Files.exists(file)) {
                throw new UsageException("cannot attach " + file + ": no such file");
            }
            if (Files.isDirectory(file) || !Files.isReadable(file)) {
                throw new UsageException("cannot attach " + file + ": not a readable file");
            }
            ready.add(file);
        }
        Limits limits = client.get().limits();
        if (limits != null) {
            within(ready, limits);
        }
        return List.copyOf(ready);
    }

    /**
     * Files for a reply: refused early, before any byte is sent, when the ticket is Done (R4, exit 5) or not
     * there (exit 4). The service refuses them too, but a large body may already be on its way by then.
     */
    static List<Path> checkForReply(List<Path> files, Supplier<TicketClient> client, long ticketId) {
        return checkForReply(files, client, ticketId, false);
    }

    /** As above; {@code streamToo}: a stream (standard input) goes with them, so the ticket is checked anyway. */
    static List<Path> checkForReply(List<Path> files, Supplier<TicketClient> client, long ticketId,
                                    boolean streamToo) {
        List<Path> ready = check(files, client);
        if ((streamToo || !ready.isEmpty()) && client.get().getTicket(ticketId).isDone()) {
            throw new TicketClosedException("Ticket #" + ticketId + " is done and takes no more files; open a new "
                    + "ticket that references it: ticket new --ref " + ticketId, null);
        }
        return ready;
    }

    static void within(List<Path> files, Limits limits) {
        if (files.size() > limits.maxFilesPerMessage()) {
            throw new UsageException("a message takes at most " + limits.maxFilesPerMessage() + " files (the "
                    + "service's limit); you gave " + files.size() + ": send them in several messages");
        }
        for (Path file : files) {
            if (!Files.isRegularFile(file)) {
                continue; // a pipe (<(command), /dev/stdin): its size shows only as it is sent; the service checks
            }
            long size = size(file);
            if (size > limits.maxFileBytes()) {
                String is = ByteSizes.human(size);
                String limit = ByteSizes.human(limits.maxFileBytes());
                if (is.equals(limit)) { // just over: rounded, the two would read the same
                    is = String.format(java.util.Locale.ROOT, "%,d bytes", size);
                    limit = String.format(java.util.Locale.ROOT, "%,d bytes", limits.maxFileBytes());
                }
                throw new UsageException(file.getFileName() + " is " + is + ", over the service's limit of " + limit
                        + " per file");
            }
        }
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (java.io.IOException e) {
            throw new UsageException("cannot attach " + file + ": " + e.getMessage());
        }
    }
}
