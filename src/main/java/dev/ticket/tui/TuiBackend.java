package dev.ticket.tui;

import dev.ticket.model.Attachment;
import dev.ticket.model.Event;
import dev.ticket.model.Message;
import dev.ticket.model.NewTicket;
import dev.ticket.model.Ticket;
import dev.ticket.model.User;
import java.nio.file.Path;
import java.util.List;

/**
 * What the chat view needs from the service. The runner calls it off the screen thread; a
 * failure is a {@link BackendException} carrying one sentence for the status line.
 */
public interface TuiBackend {

    User me();

    /**
     * Tickets for a filter and a title search (blank: all), newest activity first; with
     * {@code teamQueueFirst}, every open ticket awaiting the team comes too, however old.
     */
    List<Ticket> tickets(StatusFilter filter, String search, boolean teamQueueFirst);

    /** One ticket with its messages. */
    Ticket ticket(long id);

    Message reply(long ticketId, String body);

    Message attach(long ticketId, Path file, String body);

    Ticket close(long ticketId);

    void markRead(long ticketId);

    Ticket create(NewTicket ticket);

    /** The topics offered for a new ticket's about field (none when the service has none). */
    default List<String> topics() {
        return List.of();
    }

    /** Saves an attachment as {@code target}, which must not exist yet. */
    void download(Attachment attachment, Path target);

    /** Starts the live event stream; it reconnects by itself until closed. */
    AutoCloseable events(EventListener listener);

    /** Receives live events and the ups and downs of their connection. */
    interface EventListener {
        void onEvent(Event event);

        void onConnection(boolean up, String detail);
    }

    /** A failure the user can understand: one sentence and its kind. */
    class BackendException extends RuntimeException {
        private final Failure kind;

        public BackendException(Failure kind, String sentence, Throwable cause) {
            super(sentence, cause);
            this.kind = kind;
        }

        public Failure kind() {
            return kind;
        }
    }
}
