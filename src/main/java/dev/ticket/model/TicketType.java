package dev.ticket.model;

import com.fasterxml.jackson.annotation.JsonCreator;

/** The kind of request, which sets the response-time target (rules.md R9). */
public enum TicketType implements WireEnum {
    CRITICAL, QUESTION, SUGGESTION;

    @JsonCreator
    public static TicketType parse(String text) {
        return Wire.parse(TicketType.class, text);
    }
}
