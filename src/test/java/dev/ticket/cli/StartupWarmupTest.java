package dev.ticket.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ticket.model.Ticket;
import dev.ticket.model.TicketPage;
import org.junit.jupiter.api.Test;

/**
 * The warm-up's sample page of tickets must read as the service's pages do: if the model changes and it no longer
 * reads, the warm-up would stop at the first field it cannot read and warm nothing, silently.
 */
class StartupWarmupTest {
    @Test
    void the_sample_page_reads_every_record_a_listing_and_a_transcript_need() throws Exception {
        TicketPage page = Startup.ticketReaders();
        Ticket ticket = page.items().get(0);
        assertEquals(1, page.total());
        assertEquals("s", ticket.assignee().name());
        assertEquals("text/plain", ticket.messages().get(0).attachments().get(0).contentType());
        assertEquals("2026-12-07T16:00:00Z", ticket.dueAt().toString());
    }
}
