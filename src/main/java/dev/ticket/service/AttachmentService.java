package dev.ticket.service;

import dev.ticket.model.Attachment;
import dev.ticket.model.ByteSizes;
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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Files on messages (R6): limits, content detection, storage once per content, and reading back. */
public final class AttachmentService {
    private static final Logger LOG = LoggerFactory.getLogger(AttachmentService.class);

    private final TicketStore store;
    /** Content being stored by uploads on this node, not yet recorded or given up: never discarded. */
    private final Map<String, Integer> inFlight = new HashMap<>();
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

    /**
     * Refuses (413 {@code quota-exceeded}) files that would take the account's attachments past its quota. Run
     * once before the files are stored (nothing is kept) and again inside the message's transaction, where two
     * uploads of one account racing each other on SQLite are counted one after the other.
     */
    void checkQuota(StoreTx tx, Long accountId, List<Upload> files) {
        checkQuota(tx, accountId, files.stream().mapToLong(Upload::size).sum());
    }

    void checkQuotaStored(StoreTx tx, Long accountId, List<Stored> files) {
        checkQuota(tx, accountId, files.stream().mapToLong(Stored::size).sum());
    }

    private void checkQuota(StoreTx tx, Long accountId, long adding) {
        long quota = settings.accountQuotaBytes();
        if (quota <= 0 || adding == 0 || accountId == null) {
            return;
        }
        long used = tx.accountAttachmentBytes(accountId);
        if (used + adding > quota) {
            throw new ServiceException(ServiceException.Kind.QUOTA_EXCEEDED, "These files (" + ByteSizes.human(adding)
                    + ") would take the account's attachments past its quota of " + ByteSizes.human(quota) + " ("
                    + ByteSizes.human(used) + " used); ask the service's operator for more room.");
        }
    }

    /** Before files are stored: the quota check outside any transaction. */
    void checkQuota(Long accountId, List<Upload> files) {
        if (settings.accountQuotaBytes() > 0 && !files.isEmpty() && accountId != null) {
            store.read(tx -> {
                checkQuota(tx, accountId, files);
                return null;
            });
        }
    }

    /** The refusal for a file over the per-file limit. */
    public ServiceException tooLarge(String filename) {
        return new ServiceException(ServiceException.Kind.TOO_LARGE, "File '" + Filenames.safe(filename)
                + "' is larger than the limit of " + ByteSizes.human(settings.maxFileBytes()) + ".");
    }

    /** A file made durable in the blob store, ready to be recorded on a message. */
    record Stored(String filename, String contentType, long size, String sha256) {
    }

    /**
     * Moves the files into the blob store, durably, before any transaction: a crash after this and before
     * the commit leaves only blobs that no row names, which the sweep at start removes. Doing it outside
     * the transaction keeps a large file's fsync from holding the database's write lock. Every call is
     * followed by {@link #release} once the transaction has committed or failed.
     */
    List<Stored> persist(List<Upload> files) {
        List<Stored> stored = new ArrayList<>();
        try {
            for (Upload file : files) {
                String type = ContentSniffer.detect(file.tempFile());
                pin(file.sha256());
                stored.add(new Stored(Filenames.safe(file.filename()), type, file.size(), file.sha256()));
                store.blobs().put(file.sha256(), file.tempFile());
            }
            return stored;
        } catch (IOException e) {
            release(stored, false);
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            release(stored, false);
            throw e;
        }
    }

    /**
     * Ends the uploads of {@link #persist}. When their message was not recorded (refused, failed), each
     * blob that no attachment names and no other upload on this node is storing is deleted now, so a
     * refused request leaves nothing behind. Pins and the check are under one lock, so an upload of the
     * same content either pinned it first (kept) or stores it again after the delete.
     */
    void release(List<Stored> stored, boolean recorded) {
        if (stored.isEmpty()) {
            return;
        }
        synchronized (inFlight) {
            for (Stored file : stored) {
                boolean last = inFlight.merge(file.sha256(), -1, (a, b) -> a + b == 0 ? null : a + b) == null;
                if (recorded || !last) {
                    continue;
                }
                try {
                    if (!store.read(tx -> tx.blobReferenced(file.sha256()))) {
                        store.blobs().discard(file.sha256());
                    }
                } catch (IOException | RuntimeException e) {
                    // the sweep at the next start removes it
                    LOG.warn("could not remove the unused attachment file {}: {}", file.sha256(), e.getMessage());
                }
            }
        }
    }

    private void pin(String sha256) {
        synchronized (inFlight) {
            inFlight.merge(sha256, 1, Integer::sum);
        }
    }

    /**
     * Removes the bytes of contents no attachment names any more (a redaction deleted their rows), unless an
     * upload on this node is storing the same content right now; a failure leaves them to the orphan sweep.
     */
    void removeContents(List<String> contents) {
        for (String sha256 : contents) {
            synchronized (inFlight) {
                if (inFlight.containsKey(sha256)) {
                    continue;
                }
                try {
                    store.blobs().discard(sha256);
                } catch (IOException | RuntimeException e) {
                    LOG.warn("removing a redacted attachment's file failed (the sweep removes it): {}", e.getMessage());
                }
            }
        }
    }

    /** Records already persisted files on a message, inside the message's transaction. */
    List<Attachment> record(StoreTx tx, TicketHead head, long messageId, List<Stored> files) {
        List<Attachment> recorded = new ArrayList<>(files.size());
        for (Stored file : files) {
            tx.insertBlob(file.sha256(), file.size(), clock.instant());
            long id = tx.insertAttachment(new NewAttachmentRow(messageId, head.id(), file.filename(),
                    file.contentType(), file.size(), file.sha256()));
            recorded.add(new Attachment(id, file.filename(), file.contentType(), file.size(), file.sha256()));
        }
        return recorded;
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
