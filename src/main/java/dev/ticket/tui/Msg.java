package dev.ticket.tui;

import dev.ticket.model.Attachment;
import dev.ticket.model.Event;
import dev.ticket.model.Message;
import dev.ticket.model.Ticket;
import dev.ticket.model.User;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/** Something that happened: a key, a resize, an answer from the service, a live event, a failure. */
public sealed interface Msg {

    record KeyPressed(Key key) implements Msg {
    }

    record Resized(int cols, int rows) implements Msg {
    }

    /** The clock moved on (times like "14:05" vs "May 02" depend on it). */
    record Tick(Instant now) implements Msg {
    }

    record MeLoaded(User me) implements Msg {
    }

    /** The answer to list request number {@code seq}. */
    record ListLoaded(long seq, List<Ticket> tickets) implements Msg {
        public ListLoaded {
            tickets = List.copyOf(tickets);
        }
    }

    record TicketLoaded(Ticket ticket) implements Msg {
    }

    /** A message (with or without files) was added to a ticket by this viewer. */
    record MessageSent(long ticketId, Message message) implements Msg {
    }

    record TicketClosed(Ticket ticket) implements Msg {
    }

    record TicketCreated(Ticket ticket) implements Msg {
    }

    record MarkedRead(long ticketId) implements Msg {
    }

    record Downloaded(Attachment attachment, Path path) implements Msg {
    }

    /** The files whose paths start with {@code partial}; directories end with a slash. */
    record PathCompleted(String partial, List<String> candidates) implements Msg {
        public PathCompleted {
            candidates = List.copyOf(candidates);
        }
    }

    record TopicsLoaded(List<String> topics) implements Msg {
        public TopicsLoaded {
            topics = List.copyOf(topics);
        }
    }

    /** The keyboard is gone (the terminal closed its input): the view ends. */
    record InputEnded() implements Msg {
    }

    record LiveEvent(Event event) implements Msg {
    }

    /** The live event stream went down or came back. */
    record Connection(boolean up, String detail) implements Msg {
    }

    /** A command failed; {@code text} is one sentence for the status line. */
    record Failed(Cmd cause, Failure kind, String text) implements Msg {
    }
}
