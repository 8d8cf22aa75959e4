package dev.ticket.model;

import com.fasterxml.jackson.annotation.JsonCreator;

/**
 * The orders of a ticket list: newest {@code activity} first (the default), earliest {@code due} first (open
 * tickets only: a Done ticket is due for nobody), or newest {@code created} first.
 */
public enum TicketSort implements WireEnum {
    ACTIVITY, DUE, CREATED;

    @JsonCreator
    public static TicketSort parse(String text) {
        return Wire.parse(TicketSort.class, text);
    }
}
