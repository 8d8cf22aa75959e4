package dev.ticket.model;

import com.fasterxml.jackson.annotation.JsonCreator;

/** Who a user is to the service (rules.md Roles). Admins are agents too. */
public enum Role implements WireEnum {
    CUSTOMER, AGENT, ADMIN;

    @JsonCreator
    public static Role parse(String text) {
        return Wire.parse(Role.class, text);
    }

    /** True for the support team: agents and admins. */
    public boolean isTeam() {
        return this != CUSTOMER;
    }
}
