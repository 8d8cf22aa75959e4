package dev.ticket.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * The orders of a ticket list: newest {@code activity} first (the default), earliest {@code due} first (open
 * tickets only: a Done ticket is due for nobody), or newest {@code created} first.
 */
public enum TicketSort {
    ACTIVITY, DUE, CREATED;

    @JsonValue
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static TicketSort parse(String text) {
        return Wire.parse(TicketSort.class, text);
    }
}
