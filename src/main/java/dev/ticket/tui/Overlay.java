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
     * The new-ticket form: title, type, first message, then the optional about (one of the service's topics,
     * or any text) and dialog URL; {@code ref} is the Done ticket it follows up (rules.md R4), or null.
     * {@code field} is one of {@link #TITLE} to {@link #DIALOG}, the order Tab walks; {@code topics} are the
     * service's, null until asked for (when the about field is first reached).
     */
    record NewTicketForm(EditBuffer title, TicketType type, EditBuffer body, EditBuffer about, EditBuffer dialogUrl,
                         int field, Long ref, List<String> topics, String error) implements Overlay {
        public static final int TITLE = 0;
        public static final int TYPE = 1;
        public static final int MESSAGE = 2;
        public static final int ABOUT = 3;
        public static final int DIALOG = 4;
        static final int FIELDS = 5;

        public NewTicketForm {
            topics = topics == null ? null : List.copyOf(topics);
        }

        public static NewTicketForm blank(Long ref) {
            return new NewTicketForm(EditBuffer.EMPTY, TicketType.QUESTION, EditBuffer.EMPTY, EditBuffer.EMPTY,
                    EditBuffer.EMPTY, TITLE, ref, null, null);
        }

        /** The text of a text field ({@link #TYPE} has none). */
        public EditBuffer text(int f) {
            switch (f) {
                case TITLE: return title;
                case MESSAGE: return body;
                case ABOUT: return about;
                case DIALOG: return dialogUrl;
                default: return EditBuffer.EMPTY;
            }
        }

        public NewTicketForm withText(int f, EditBuffer t) {
            return new NewTicketForm(f == TITLE ? t : title, type, f == MESSAGE ? t : body, f == ABOUT ? t : about,
                    f == DIALOG ? t : dialogUrl, field, ref, topics, null);
        }

        public NewTicketForm withTitle(EditBuffer t) {
            return withText(TITLE, t);
        }

        public NewTicketForm withBody(EditBuffer b) {
            return withText(MESSAGE, b);
        }

        public NewTicketForm withType(TicketType t) {
            return new NewTicketForm(title, t, body, about, dialogUrl, field, ref, topics, null);
        }

        public NewTicketForm withField(int f) {
            return new NewTicketForm(title, type, body, about, dialogUrl, (f + FIELDS) % FIELDS, ref, topics, null);
        }

        public NewTicketForm withTopics(List<String> t) {
            return new NewTicketForm(title, type, body, about, dialogUrl, field, ref, t, error);
        }

        public NewTicketForm withError(String e) {
            return new NewTicketForm(title, type, body, about, dialogUrl, field, ref, topics, e);
        }

        /** Something typed that quitting would lose. */
        public boolean hasText() {
            return !(title.isBlank() && body.isBlank() && about.isBlank() && dialogUrl.isBlank());
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
