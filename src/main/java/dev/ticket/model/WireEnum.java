package dev.ticket.model;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** A model enum told on the wire by its lower-case name ({@code on_customer}); parsed back by {@link Wire}. */
public interface WireEnum {
    /** The constant's name, as {@link Enum#name()}. */
    String name();

    @JsonValue
    default String wire() {
        return name().toLowerCase(Locale.ROOT);
    }
}
