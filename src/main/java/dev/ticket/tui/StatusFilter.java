package dev.ticket.tui;

import dev.ticket.model.Status;

/** The status filter of the ticket list, cycled with {@code f}: All, On Customer, Done (rules.md R5). */
public enum StatusFilter {
    ALL("All", null), ON_CUSTOMER("On Customer", Status.ON_CUSTOMER), DONE("Done", Status.DONE);

    private final String label;
    private final Status status;

    StatusFilter(String label, Status status) {
        this.label = label;
        this.status = status;
    }

    public String label() {
        return label;
    }

    /** The status to ask the service for; null means every status. */
    public Status status() {
        return status;
    }

    public StatusFilter next() {
        return values()[(ordinal() + 1) % values().length];
    }
}
