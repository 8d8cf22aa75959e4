package dev.ticket.store;

import dev.ticket.model.Attachment;
import dev.ticket.model.Message;
import dev.ticket.model.Role;
import dev.ticket.model.Ticket;
import dev.ticket.model.User;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The operations available inside one store transaction. */
public interface StoreTx {

    // accounts, users, tokens

    /** The id of the named account, creating it when asked. */
    Optional<Long> accountId(String name, boolean create, Instant now);

    User insertUser(String name, Role role, Long accountId, Instant now);

    Optional<User> user(long userId);

    Optional<User> userByName(String name);

    /**
     * The enabled user other than {@code otherThan} whose name is {@code name} ignoring case (Unicode), if any:
     * a name names one enabled user.
     */
    Optional<User> enabledUserNamed(String name, long otherThan);

    List<User> users();

    /** The support team (agents and admins), by name. */
    List<User> agents();

    long userCount();

    void insertToken(long userId, String hash, Instant now);

    Optional<Principal> principalByTokenHash(String hash);

    /** Revokes every live token of the user; returns how many. */
    int revokeTokens(long userId, Instant now);

    // admin hygiene (AdminQueries)

    /** A token that stops working at {@code expiresAt} (null: never). */
    void insertToken(long userId, String hash, Instant now, Instant expiresAt);

    /** Every token's metadata (never its hash), newest first. */
    List<dev.ticket.model.TokenInfo> tokens();

    /** Records that the token was used at {@code now} (callers write this at most once a minute per token). */
    void tokenUsed(long tokenId, Instant now);

    /**
     * Disables ({@code disabled}) or enables the user: a disabled user's tokens authenticate no one. False when
     * there is no such user. Disabling tells other nodes, as revoking does, so their open streams end.
     */
    boolean setUserDisabled(long userId, boolean disabled, Instant now);

    void appendAudit(long actorId, String actor, String action, String target, String client, Instant now);

    /** Audit entries newest first, those with an id below {@code beforeId} (0: from the newest). */
    List<dev.ticket.model.AuditEntry> audit(long beforeId, int limit);

    /**
     * Replaces the message's body with {@code note}, marks it redacted {@code at}, and deletes its attachments; the content of each that no
     * other attachment names is deleted from the database too (its {@code blobs} row, chunks and all). Returns
     * the SHA-256 of those, so the caller removes their files once this commits.
     */
    List<String> redactMessage(long messageId, String note, java.time.Instant at);

    /**
     * Rewrites stored copies of a ticket's messages (event payloads and recorded idempotent answers that
     * mention {@code find}): each text is passed to {@code rewrite}, and stored again when it comes back changed.
     */
    int rewriteCopies(long ticketId, String find, java.util.function.UnaryOperator<String> rewrite);

    // tickets and messages

    long insertTicket(NewTicketRow row);

    void insertRefs(long ticketId, Collection<Long> refs);

    void insertLabels(long ticketId, Collection<String> labels);

    /** How many of {@code ticketIds} exist in the account. */
    int countTicketsInAccount(Collection<Long> ticketIds, long accountId);

    long insertMessage(long ticketId, long authorId, boolean team, String body, Instant now);

    long insertAttachment(NewAttachmentRow row);

    /** Records a new message in the ticket's summary columns. */
    void touchTicket(long ticketId, Instant now, long activity, boolean lastMessageTeam);

    void closeTicket(long ticketId, Instant now, long activity);

    /** Assigns the ticket to the user {@code assigneeId}, or to nobody (null). */
    void assignTicket(long ticketId, Long assigneeId);

    Optional<TicketHead> ticketHead(long ticketId);

    /**
     * {@link #ticketHead} for a write that depends on the ticket's status: the ticket is locked against other
     * writers until this transaction ends, so a reply and a close on two nodes cannot both pass the check.
     */
    Optional<TicketHead> lockTicket(long ticketId);

    Optional<Long> openTicketByDedupeKey(long accountId, String dedupeKey);

    Optional<Long> latestTicketByDedupeKey(long accountId, String dedupeKey);

    Optional<Ticket> ticket(long ticketId, Viewer viewer);

    List<Message> messages(long ticketId);

    Optional<Message> message(long messageId);

    List<Listed> tickets(TicketQuery query, Viewer viewer);

    /** How many tickets the viewer may see match the query's filters (cursor and limit ignored). */
    long countTickets(TicketQuery query, Viewer viewer);

    void markRead(long userId, long ticketId, long lastMessageId);

    /**
     * Marks read up to {@code messageId}, the user's own message this transaction just added under the ticket's
     * lock: the ticket's newest, so nothing of the other side comes after it and the ticket is not unread for them.
     */
    void markReadOwnMessage(long userId, long ticketId, long messageId);

    /** The newest message id the user has read in the ticket (0 when never read). */
    long readMarker(long userId, long ticketId);

    // attachments

    Optional<Attachment> attachment(long attachmentId, Viewer viewer);

    /** True when some attachment names the blob. */
    boolean blobReferenced(String sha256);

    /** Bytes of every attachment on the account's tickets (each counted as sent, duplicates too). */
    long accountAttachmentBytes(long accountId);

    void insertBlob(String sha256, long size, Instant now);

    /** The SHA-256 of every blob some attachment names. */
    Set<String> attachmentBlobNames();

    // idempotency

    /** Claims the key for the user; false when it was claimed before (then read it with {@link #idempotency}). */
    boolean claimIdempotency(long userId, String key, String fingerprint, Instant now);

    Optional<IdempotencyRecord> idempotency(long userId, String key);

    void completeIdempotency(long userId, String key, String kind, String response);

    int expireIdempotency(Instant before);

    // events

    long appendEvent(long ticketId, long accountId, String kind, String payload, Instant now);

    /** Events after {@code afterId} in id order; {@code accountId} null means every account. */
    List<EventRow> eventsAfter(long afterId, Long accountId, Long ticketId, int limit);

    long lastEventId();
}
