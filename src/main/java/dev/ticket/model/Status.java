package dev.ticket.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** A ticket's status (rules.md R3): exactly one of On Customer and Done. */
public enum Status {
    ON_CUSTOMER, DONE;

    @JsonValue
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Accepts {@code on_customer}, {@code on-customer} and {@code done}, any case. */
    @JsonCreator
    public static Status parse(String text) {
        return Wire.parse(Status.class, text);
    }
}
