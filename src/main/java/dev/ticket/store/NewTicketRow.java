package dev.ticket.store;

import dev.ticket.model.TicketType;
import java.time.Instant;

/** The columns of a ticket as it is first written. */
public record NewTicketRow(long accountId, long authorId, String title, String titleFolded, TicketType type,
                           String about, String dialogUrl, String dedupeKey, Instant createdAt, Instant dueAt) {
}
