package dev.ticket.tui;

import dev.ticket.model.Status;

/** The status filter of the ticket list, cycled with {@code f}: All, On Customer, Done (rules.md R5). */
public enum StatusFilter {
    ALL(null), ON_CUSTOMER(Status.ON_CUSTOMER), DONE(Status.DONE);

    private final Status status;

    StatusFilter(Status status) {
        this.status = status;
    }

    /** {@code All}, else the status as people read it. */
    public String label() {
        return status == null ? "All" : Status.label(status);
    }

    /** The status to ask the service for; null means every status. */
    public Status status() {
        return status;
    }

    public StatusFilter next() {
        return values()[(ordinal() + 1) % values().length];
    }
}
