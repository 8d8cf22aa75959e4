package dev.ticket.model;

import com.fasterxml.jackson.annotation.JsonCreator;

/** Whose turn it is in a ticket: derived from the last message's author, not a status. */
public enum Awaiting implements WireEnum {
    TEAM, CUSTOMER;

    @JsonCreator
    public static Awaiting parse(String text) {
        return Wire.parse(Awaiting.class, text);
    }
}
