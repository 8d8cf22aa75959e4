package dev.ticket.model;

/** The body of {@code PUT /api/v1/tickets/{id}/assignee}: the agent to assign the ticket to. */
public record NewAssignee(long userId) {
}
