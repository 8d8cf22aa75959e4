package dev.ticket.model;

import com.fasterxml.jackson.annotation.JsonCreator;

/** A ticket's status (rules.md R3): exactly one of On Customer and Done. */
public enum Status implements WireEnum {
    ON_CUSTOMER, DONE;

    /** How people read a status: {@code On Customer} or {@code Done} (no status reads as On Customer). */
    public static String label(Status status) {
        return status == DONE ? "Done" : "On Customer";
    }

    /** Accepts {@code on_customer}, {@code on-customer} and {@code done}, any case. */
    @JsonCreator
    public static Status parse(String text) {
        return Wire.parse(Status.class, text);
    }
}
