package dev.ticket.tui;

import dev.ticket.model.Attachment;
import dev.ticket.model.NewTicket;

/** An effect that {@link Update} asks for and the runner performs, answering with a {@link Msg}. */
public sealed interface Cmd {

    record LoadMe() implements Cmd {
    }

    /** List request number {@code seq}; {@code teamQueueFirst}: also fetch every ticket awaiting the team. */
    record LoadList(long seq, StatusFilter filter, String search, boolean teamQueueFirst) implements Cmd {
        public LoadList(long seq, StatusFilter filter, String search) {
            this(seq, filter, search, false);
        }
    }

    record LoadTicket(long ticketId) implements Cmd {
    }

    record Send(long ticketId, String body) implements Cmd {
    }

    record Close(long ticketId) implements Cmd {
    }

    record MarkRead(long ticketId) implements Cmd {
    }

    /** Attach the file at {@code path} (as typed: relative or {@code ~/...}) with {@code body} as text. */
    record Attach(long ticketId, String path, String body) implements Cmd {
    }

    /** Save the attachment into the download directory. */
    record Download(Attachment attachment) implements Cmd {
    }

    record Create(NewTicket ticket) implements Cmd {
    }

    record CompletePath(String partial) implements Cmd {
    }

    /** The topics the service offers for a new ticket's about field. */
    record LoadTopics() implements Cmd {
    }
}
