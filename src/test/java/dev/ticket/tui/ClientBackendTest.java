package dev.ticket.tui;

import static org.junit.jupiter.api.Assertions.*;

import dev.ticket.client.ClientConfig;
import dev.ticket.client.TicketClient;
import dev.ticket.model.NewMessage;
import dev.ticket.model.NewTicket;
import dev.ticket.model.Role;
import dev.ticket.model.Ticket;
import dev.ticket.model.User;
import dev.ticket.testing.ApiClient;
import dev.ticket.testing.TestService;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The view's backend against a real service. */
class ClientBackendTest {
    @RegisterExtension
    static final TestService service = TestService.perClass();

    @Test
    void the_team_sees_every_ticket_awaiting_it_even_behind_a_full_page_of_newer_ones() {
        ApiClient alice = service.client("Alice", Role.CUSTOMER, "queue-acme");
        User bob = service.addUser("Bob", Role.AGENT, null);
        ApiClient bobApi = new ApiClient(service.url(), bob.token());
        long waiting = open(alice, "Waiting for the team");
        for (String title : List.of("Answered one", "Answered two")) {
            long id = open(alice, title);
            bobApi.post("/tickets/" + id + "/messages", new NewMessage("Done on our side")).expect(201);
        }
        try (TicketClient client = new TicketClient(ClientConfig.of(URI.create(service.url()), bob.token()))) {
            ClientBackend backend = new ClientBackend(client, 2);
            List<Long> plain = backend.tickets(StatusFilter.ALL, "", false).stream().map(Ticket::id).toList();
            assertFalse(plain.contains(waiting), "one page of newest activity leaves it out: " + plain);
            List<Long> queue = backend.tickets(StatusFilter.ALL, "", true).stream().map(Ticket::id).toList();
            assertEquals(waiting, queue.get(0));
            assertEquals(3, queue.size());
        }
    }

    @Test
    void a_closed_ticket_is_a_closed_failure_with_one_sentence() {
        User alice = service.addUser("Alice2", Role.CUSTOMER, "closed-acme");
        ApiClient api = new ApiClient(service.url(), alice.token());
        long id = open(api, "Soon closed");
        api.post("/tickets/" + id + "/close", null).expect(200);
        try (TicketClient client = new TicketClient(ClientConfig.of(URI.create(service.url()), alice.token()))) {
            TuiBackend.BackendException e = assertThrows(TuiBackend.BackendException.class,
                    () -> new ClientBackend(client).reply(id, "hello?"));
            assertEquals(Failure.CLOSED, e.kind());
            assertFalse(e.getMessage().contains("\n"));
            assertTrue(Character.isUpperCase(e.getMessage().charAt(0)) && e.getMessage().endsWith("."), e.getMessage());
        }
    }

    private static long open(ApiClient api, String title) {
        return api.post("/tickets", new NewTicket(title, "Body", null, null, null, List.of(), List.of(), null))
                .expect(201).as(Ticket.class).id();
    }
}
