package dev.ticket.model;

import java.util.List;

/** The JSON body of {@code POST /api/v1/tickets}. Only title and body are required. */
public record NewTicket(String title, String body, TicketType type, String about, String dialogUrl,
                        List<Long> refs, List<String> labels, String dedupeKey) {
}
