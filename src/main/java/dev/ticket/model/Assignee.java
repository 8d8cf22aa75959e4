package dev.ticket.model;

/** The agent a ticket is assigned to, as a ticket shows it (rules.md Roles: agents assign). */
public record Assignee(long id, String name) {
}
