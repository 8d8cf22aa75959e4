package dev.ticket.tui;

import dev.ticket.model.Attachment;
import dev.ticket.model.Message;
import dev.ticket.model.Ticket;
import java.util.ArrayList;
import java.util.List;

/**
 * The right pane's state: the open ticket with its messages (null before one is loaded), how
 * many lines the chat is scrolled up from its newest line, and which attachment is selected
 * for download (an index into {@link #attachments()}, -1 for none).
 */
public record Chat(Ticket ticket, int scroll, int attachment, boolean loading) {
    public static final Chat NONE = new Chat(null, 0, -1, false);

    public static Chat pending() {
        return new Chat(null, 0, -1, true);
    }

    public boolean isOpen() {
        return ticket != null;
    }

    public boolean isDone() {
        return ticket != null && ticket.isDone();
    }

    public List<Message> messages() {
        return ticket == null || ticket.messages() == null ? List.of() : ticket.messages();
    }

    /** Every attachment in the chat, oldest first: the order ↑/↓ walks through. */
    public List<Attachment> attachments() {
        List<Attachment> all = new ArrayList<>();
        for (Message m : messages()) {
            all.addAll(m.attachments());
        }
        return all;
    }

    public Chat withTicket(Ticket t) {
        return new Chat(t, scroll, attachment, false);
    }

    public Chat withScroll(int s) {
        return new Chat(ticket, Math.max(0, s), attachment, loading);
    }

    public Chat withAttachment(int a) {
        return new Chat(ticket, scroll, a, loading);
    }
}
