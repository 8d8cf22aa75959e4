package dev.ticket.service;

import dev.ticket.model.Attachment;
import dev.ticket.model.Limits;
import dev.ticket.store.NewAttachmentRow;
import dev.ticket.store.StoreTx;
import dev.ticket.store.TicketHead;
import dev.ticket.store.TicketStore;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/** Files on messages (R6): limits, content detection, storage once per content, and reading back. */
public final class AttachmentService {
    private final TicketStore store;
    private final ServiceSettings settings;
    private final Clock clock;

    AttachmentService(TicketStore store, ServiceSettings settings, Clock clock) {
        this.store = store;
        this.settings = settings;
        this.clock = clock;
    }

    /** An attachment's description and a stream of its bytes (the caller closes it). */
    public record Content(Attachment attachment, InputStream bytes) {
    }

    public ServiceSettings settings() {
        return settings;
    }

    /** Where uploads are spooled before they are stored (same file system as the blobs). */
    public java.nio.file.Path tempDir() {
        return store.blobs().tempDir();
    }

    void checkLimits(List<Upload> files) {
        if (files.size() > settings.maxFilesPerMessage()) {
            throw new ServiceException(ServiceException.Kind.TOO_LARGE,
                    "A message takes at most " + settings.maxFilesPerMessage() + " files.");
        }
        for (Upload file : files) {
            if (file.size() > settings.maxFileBytes()) {
                throw tooLarge(file.filename());
            }
        }
    }

    /** The refusal for a file over the per-file limit. */
    public ServiceException tooLarge(String filename) {
        return new ServiceException(ServiceException.Kind.TOO_LARGE, "File '" + Filenames.safe(filename)
                + "' is larger than the limit of " + Filenames.humanSize(settings.maxFileBytes()) + ".");
    }

    /** A file made durable in the blob store, ready to be recorded on a message. */
    record Stored(String filename, String contentType, long size, String sha256) {
    }

    /**
     * Moves the files into the blob store, durably, before any transaction: a crash after this and before
     * the commit leaves only blobs that no row names, which the sweep at start removes. Doing it outside
     * the transaction keeps a large file's fsync from holding the database's write lock.
     */
    List<Stored> persist(List<Upload> files) {
        List<Stored> stored = new ArrayList<>();
        for (Upload file : files) {
            try {
                String type = ContentSniffer.detect(file.tempFile());
                store.blobs().put(file.sha256(), file.tempFile());
                stored.add(new Stored(Filenames.safe(file.filename()), type, file.size(), file.sha256()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return stored;
    }

    /** Records already persisted files on a message, inside the message's transaction. */
    void record(StoreTx tx, TicketHead head, long messageId, List<Stored> files) {
        for (Stored file : files) {
            tx.insertBlob(file.sha256(), file.size(), clock.instant());
            tx.insertAttachment(new NewAttachmentRow(messageId, head.id(), file.filename(), file.contentType(),
                    file.size(), file.sha256()));
        }
    }

    /** What a client needs to know before it sends files: the per-file and per-message limits. */
    public Limits limits() {
        return new Limits(settings.maxFileBytes(), settings.maxFilesPerMessage(), settings.maxBodyChars());
    }

    /** The attachment if the caller may see its ticket; another account's is not found. */
    public Content open(Caller caller, long attachmentId) {
        Attachment attachment = store.read(tx -> tx.attachment(attachmentId, TicketService.viewer(caller)))
                .orElseThrow(() -> ServiceException.notFound("Attachment " + attachmentId));
        try {
            return new Content(attachment, store.blobs().open(attachment.sha256()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Deletes blobs that no attachment names (left by a crash mid-upload). */
    public int sweepOrphans() throws IOException {
        return store.sweepOrphanBlobs();
    }
}
