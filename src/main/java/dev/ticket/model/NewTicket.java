package dev.ticket.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * The JSON body of {@code POST /api/v1/tickets}. Only title and body are required; a field without a value is
 * left out of the JSON, never sent as {@code null} (the schema allows no null, rules.md, contract).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record NewTicket(String title, String body, TicketType type, String about, String dialogUrl,
                        List<Long> refs, List<String> labels, String dedupeKey) {
}
