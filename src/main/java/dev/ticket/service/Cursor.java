package dev.ticket.service;

import dev.ticket.model.Ticket;
import dev.ticket.model.TicketSort;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Opaque list cursors: where the last ticket shown stands in the list's order, so pages never skip or repeat.
 * Newest activity first: its activity sequence ({@code a}); earliest due: its due time and id ({@code d}); newest
 * created: its id ({@code c}). A cursor of one order is refused in another.
 */
final class Cursor {
    /** A decoded cursor: {@code key} the activity or due time, {@code id} the ticket id (null when unused). */
    record Position(Long key, Long id) {
        static final Position START = new Position(null, null);
    }

    private Cursor() {
    }

    static String encode(long activity) {
        return text("a" + activity);
    }

    /** The cursor after {@code last} (with its {@code activity}) in {@code sort}'s order. */
    static String after(TicketSort sort, Ticket last, long activity) {
        return switch (sort) {
            case ACTIVITY -> encode(activity);
            case DUE -> text("d" + last.dueAt().toEpochMilli() + "." + last.id());
            case CREATED -> text("c" + last.id());
        };
    }

    static Long decode(String cursor) {
        return decode(cursor, TicketSort.ACTIVITY).key();
    }

    static Position decode(String cursor, TicketSort sort) {
        if (cursor == null || cursor.isBlank()) {
            return Position.START;
        }
        try {
            String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.US_ASCII);
            String body = text.substring(1);
            switch (sort) {
                case ACTIVITY -> {
                    if (text.startsWith("a")) {
                        return new Position(Long.parseLong(body), null);
                    }
                }
                case DUE -> {
                    int dot = body.indexOf('.');
                    if (text.startsWith("d") && dot > 0) {
                        return new Position(Long.parseLong(body.substring(0, dot)),
                                Long.parseLong(body.substring(dot + 1)));
                    }
                }
                case CREATED -> {
                    if (text.startsWith("c")) {
                        return new Position(null, Long.parseLong(body));
                    }
                }
            }
        } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
            // refused below
        }
        throw ServiceException.validation("cursor is not one this service gave out for this order; "
                + "start from the first page.");
    }

    private static String text(String plain) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.US_ASCII));
    }
}
