package dev.ticket.model;

/** The person who wrote a ticket or message, as shown to others. */
public record Author(long id, String name, Role role) {
}
