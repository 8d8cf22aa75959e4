package dev.ticket.store;

/** A stored live event: its payload is the JSON of a {@link dev.ticket.model.Event}. */
public record EventRow(long id, long ticketId, long accountId, String kind, String payload) {
}
