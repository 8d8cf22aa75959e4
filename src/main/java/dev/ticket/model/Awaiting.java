package dev.ticket.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Whose turn it is in a ticket: derived from the last message's author, not a status. */
public enum Awaiting {
    TEAM, CUSTOMER;

    @JsonValue
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static Awaiting parse(String text) {
        return Wire.parse(Awaiting.class, text);
    }
}
