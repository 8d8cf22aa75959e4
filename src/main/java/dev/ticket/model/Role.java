package dev.ticket.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Who a user is to the service (rules.md Roles). Admins are agents too. */
public enum Role {
    CUSTOMER, AGENT, ADMIN;

    @JsonValue
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static Role parse(String text) {
        return Wire.parse(Role.class, text);
    }

    /** True for the support team: agents and admins. */
    public boolean isTeam() {
        return this != CUSTOMER;
    }
}
