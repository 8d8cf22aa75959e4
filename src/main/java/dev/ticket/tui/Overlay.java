package dev.ticket.tui;

import dev.ticket.model.TicketType;
import java.util.List;

/** A dialog over the two panes; at most one is open, and it takes every key until it closes. */
public sealed interface Overlay {

    /** No dialog. */
    record None() implements Overlay {
    }

    /** The key list, opened with {@code ?}. */
    record Help() implements Overlay {
    }

    /** "Quit? Your message is not sent." answered with y (or Ctrl+C again); any other key keeps writing. */
    record ConfirmQuit() implements Overlay {
    }

    /** "Close #12? Done is final." answered with y or n. */
    record ConfirmClose(long ticketId, String title) implements Overlay {
    }

    /**
     * The new-ticket form: title, type, first message; {@code ref} is the Done ticket it follows up
     * (rules.md R4), or null. {@code field}: 0 title, 1 type, 2 message.
     */
    record NewTicketForm(EditBuffer title, TicketType type, EditBuffer body, int field, Long ref, String error)
            implements Overlay {
        public static NewTicketForm blank(Long ref) {
            return new NewTicketForm(EditBuffer.EMPTY, TicketType.QUESTION, EditBuffer.EMPTY, 0, ref, null);
        }

        public NewTicketForm withTitle(EditBuffer t) {
            return new NewTicketForm(t, type, body, field, ref, null);
        }

        public NewTicketForm withType(TicketType t) {
            return new NewTicketForm(title, t, body, field, ref, null);
        }

        public NewTicketForm withBody(EditBuffer b) {
            return new NewTicketForm(title, type, b, field, ref, null);
        }

        public NewTicketForm withField(int f) {
            return new NewTicketForm(title, type, body, (f + 3) % 3, ref, null);
        }

        public NewTicketForm withError(String e) {
            return new NewTicketForm(title, type, body, field, ref, e);
        }
    }

    /** The attach-a-file prompt: a path with Tab completion; {@code candidates} from the last Tab. */
    record AttachPrompt(long ticketId, EditBuffer path, List<String> candidates, String error) implements Overlay {
        public AttachPrompt {
            candidates = List.copyOf(candidates);
        }

        public AttachPrompt withPath(EditBuffer p) {
            return new AttachPrompt(ticketId, p, List.of(), null);
        }
    }

    Overlay NONE = new None();
}
