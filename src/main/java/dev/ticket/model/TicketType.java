package dev.ticket.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** The kind of request, which sets the response-time target (rules.md R9). */
public enum TicketType {
    CRITICAL, QUESTION, SUGGESTION;

    @JsonValue
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static TicketType parse(String text) {
        return Wire.parse(TicketType.class, text);
    }
}
