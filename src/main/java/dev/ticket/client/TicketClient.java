package dev.ticket.client;

import dev.ticket.model.AuditEntry;
import dev.ticket.model.Hours;
import dev.ticket.model.Limits;
import dev.ticket.model.Message;
import dev.ticket.model.NewMessage;
import dev.ticket.model.NewTicket;
import dev.ticket.model.NewUser;
import dev.ticket.model.Ticket;
import dev.ticket.model.TicketPage;
import dev.ticket.model.TokenInfo;
import dev.ticket.model.Topics;
import dev.ticket.model.User;
import java.io.Closeable;
import java.io.OutputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

/**
 * The ticket service as Java calls returning the shared model records: the one seam the commands and the chat view
 * use. {@link HttpTicketClient} is the service's HTTP API behind it. Failures arrive as {@link ApiException}
 * subtypes.
 */
public interface TicketClient extends Closeable {

    /** A fresh random idempotency key: the same key on a resent request returns the first answer. */
    static String newIdempotencyKey() {
        return UUID.randomUUID().toString();
    }

    /** Where and as whom this client talks to the service. */
    ClientConfig config();

    /** Opens a ticket (or merges it into an open one with the same dedupe key: {@code deduplicated} is then true). */
    Ticket createTicket(NewTicket ticket, String idempotencyKey);

    /** One page of tickets, newest activity first. */
    default TicketPage listTickets(TicketQuery query, int limit, String cursor) {
        return listTickets(query, limit, cursor, false);
    }

    /**
     * One page of tickets; with {@code total} the page also says how many tickets match on all pages
     * ({@link TicketPage#total()}, null from a service too old to count).
     */
    TicketPage listTickets(TicketQuery query, int limit, String cursor, boolean total);

    /** The ticket with all its messages. */
    Ticket getTicket(long id);

    /** Opens a ticket whose first message carries {@code files}, streamed from disk. */
    default Ticket createTicket(NewTicket ticket, List<Path> files, String idempotencyKey,
                                TransferProgress progress) {
        return createTicketWith(ticket, files.stream().map(FilePart::of).toList(), idempotencyKey, progress);
    }

    /** Opens a ticket whose first message carries {@code files}, each under its name ({@link FilePart}). */
    Ticket createTicketWith(NewTicket ticket, List<FilePart> files, String idempotencyKey, TransferProgress progress);

    /** Adds a message carrying {@code files} (the body may be empty), streamed from disk. */
    default Message reply(long ticketId, String body, List<Path> files, String idempotencyKey,
                          TransferProgress progress) {
        return replyWith(ticketId, body, files.stream().map(FilePart::of).toList(), idempotencyKey, progress);
    }

    /** Adds a message carrying {@code files}, each under its name ({@link FilePart}); the body may be empty. */
    Message replyWith(long ticketId, String body, List<FilePart> files, String idempotencyKey,
                      TransferProgress progress);

    /** Adds a text message. */
    Message reply(long ticketId, NewMessage message, String idempotencyKey);

    /** What one message may carry; null from a service too old to say. */
    Limits limits();

    /**
     * Streams an attachment's bytes into {@code sink} (never all in memory) and returns how many came.
     * The caller checks them against the attachment's {@code sha256}.
     */
    long download(long attachmentId, OutputStream sink, TransferProgress progress);

    /**
     * Streams the service's backup archive ({@code GET /admin/backup}, admins) into {@code sink} and returns how
     * many bytes came. A PostgreSQL service answers 501 ({@link UnavailableException} whose problem has that
     * status).
     */
    long backup(OutputStream sink, TransferProgress progress);

    /** Sets the ticket Done (final, rules.md R4). */
    Ticket close(long ticketId, String idempotencyKey);

    /** Marks the ticket read up to its newest message for the caller. */
    Ticket markRead(long ticketId, String idempotencyKey);

    /** The caller. */
    User me();

    /** The team only: assigns the ticket to the agent {@code userId}. */
    Ticket assign(long ticketId, long userId);

    /** The team only: assigns the ticket to nobody. */
    Ticket unassign(long ticketId);

    /** The team only: the support team's users (agents and admins), to choose an assignee by name. */
    List<User> agents();

    /** The support hours. */
    Hours hours();

    /** The topics a ticket can be about. */
    Topics topics();

    /** Admin: creates a user; the answer carries its token, shown this once. */
    User createUser(NewUser user, String idempotencyKey);

    /** Admin: every user. */
    List<User> users();

    /** Admin: issues another token for a user; the answer carries it, shown this once. */
    default User issueToken(long userId, String idempotencyKey) {
        return issueToken(userId, null, idempotencyKey);
    }

    /** Admin: issues a token that stops working after {@code expiresInSeconds} (null: never). */
    User issueToken(long userId, Long expiresInSeconds, String idempotencyKey);

    /** Admin: every token's metadata (never the token), newest first. */
    List<TokenInfo> tokens();

    /** Admin: the audit log newest first, up to {@code limit} entries. */
    List<AuditEntry> audit(int limit);

    /** Admin: disables (or enables again) a user; a disabled user's tokens stop working at once. */
    User setUserDisabled(long userId, boolean disabled);

    /**
     * The team: replaces a message's body and attachments with a note of who redacted it and when; a message
     * redacted before is answered as it is, with {@link Redaction#earlier()} set.
     */
    Redaction redact(long messageId);

    /** Admin: revokes every token of a user. */
    void revokeTokens(long userId);

    /** Opens the live event stream, optionally for one ticket and resuming after {@code lastEventId}. */
    EventStream openEvents(Long ticketId, String lastEventId, Duration readTimeout);

    /** Lets go of the connections; no exception. */
    @Override
    void close();
}
