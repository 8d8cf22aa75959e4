package dev.ticket.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * One page of {@code GET /api/v1/tickets}; {@code nextCursor} is null on the last page. {@code total}, the
 * number of tickets matching the filters on all pages, is there only when asked for ({@code total=true}).
 */
public record TicketPage(List<Ticket> items, String nextCursor,
                         @JsonInclude(JsonInclude.Include.NON_NULL) Long total) {

    public TicketPage(List<Ticket> items, String nextCursor) {
        this(items, nextCursor, null);
    }
}
