package dev.ticket.service;

import dev.ticket.model.Attachment;
import dev.ticket.store.NewAttachmentRow;
import dev.ticket.store.StoreTx;
import dev.ticket.store.TicketHead;
import dev.ticket.store.TicketStore;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
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

    /** Moves the files into the blob store (durably, before the commit) and records them on the message. */
    void store(StoreTx tx, TicketHead head, long messageId, List<Upload> files) {
        for (Upload file : files) {
            try {
                String type = ContentSniffer.detect(file.tempFile());
                store.blobs().put(file.sha256(), file.tempFile());
                tx.insertBlob(file.sha256(), file.size(), clock.instant());
                tx.insertAttachment(new NewAttachmentRow(messageId, head.id(), Filenames.safe(file.filename()),
                        type, file.size(), file.sha256()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
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
