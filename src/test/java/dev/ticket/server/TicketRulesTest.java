package dev.ticket.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ticket.model.Message;
import dev.ticket.model.NewMessage;
import dev.ticket.model.NewTicket;
import dev.ticket.model.Role;
import dev.ticket.model.Status;
import dev.ticket.model.Ticket;
import dev.ticket.model.TicketPage;
import dev.ticket.testing.ApiClient;
import dev.ticket.testing.TestService;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The domain rules of SPEC section 1, through the real HTTP API. */
class TicketRulesTest {
    @RegisterExtension
    static final TestService service = TestService.perClass();
    final ApiClient customer = service.customer();
    final ApiClient agent = service.agent();

    static Ticket open(ApiClient who, String title) {
        return who.post("/tickets", new NewTicket(title, "What happened: it broke.", null, null, null, null, null,
                null)).expect(201).as(Ticket.class);
    }

    @Test
    void new_ticket_is_on_customer_with_its_first_message_and_awaits_the_team() {
        Ticket t = open(customer, "  Widget does not load  ");
        assertEquals("Widget does not load", t.title());
        assertEquals(Status.ON_CUSTOMER, t.status());
        assertEquals("question", t.type().wire());
        assertEquals("acme", t.account());
        assertEquals(1, t.messageCount());
        assertEquals("team", t.awaiting().wire());
        assertNull(t.closedAt());
        assertNotNull(t.dueAt());
        Ticket shown = customer.get("/tickets/" + t.id()).expect(200).as(Ticket.class);
        assertEquals("What happened: it broke.", shown.messages().get(0).body());
    }

    @Test
    void title_and_first_message_are_required_and_title_is_at_most_200_characters() {
        JsonNode noTitle = customer.post("/tickets", Map.of("body", "x")).expect(422).json();
        assertEquals("validation", noTitle.get("type").asText());
        assertTrue(noTitle.get("detail").asText().contains("title"));
        JsonNode blankBody = customer.post("/tickets", Map.of("title", "x", "body", "  ")).expect(422).json();
        assertTrue(blankBody.get("detail").asText().contains("body"));
        customer.post("/tickets", Map.of("title", "é".repeat(200), "body", "x")).expect(201);
        JsonNode tooLong = customer.post("/tickets", Map.of("title", "x".repeat(20_000), "body", "x")).expect(422)
                .json();
        assertTrue(tooLong.get("detail").asText().contains("200"));
    }

    @Test
    void dialog_url_must_be_http_or_https() {
        customer.post("/tickets", Map.of("title", "x", "body", "y", "dialog_url", "javascript:alert(1)")).expect(422);
        customer.post("/tickets", Map.of("title", "x", "body", "y", "dialog_url", "ftp://h/x")).expect(422);
        Ticket ok = customer.post("/tickets", Map.of("title", "x", "body", "y", "dialog_url",
                "https://app.example.com/dialogs/42")).expect(201).as(Ticket.class);
        assertEquals("https://app.example.com/dialogs/42", ok.dialogUrl());
    }

    @Test
    void agent_reply_keeps_on_customer_and_flips_awaiting() {
        Ticket t = open(customer, "Reply keeps status");
        agent.post("/tickets/" + t.id() + "/messages", new NewMessage("Could you send a screenshot?")).expect(201);
        Ticket after = customer.get("/tickets/" + t.id()).expect(200).as(Ticket.class);
        assertEquals(Status.ON_CUSTOMER, after.status());
        assertEquals("customer", after.awaiting().wire());
        assertEquals(Role.AGENT, after.messages().get(1).author().role());
        customer.post("/tickets/" + t.id() + "/messages", new NewMessage("Here it is")).expect(201);
        assertEquals("team", customer.get("/tickets/" + t.id()).as(Ticket.class).awaiting().wire());
    }

    @Test
    void a_body_keeps_its_first_lines_indentation_but_not_blank_lines_or_trailing_space() {
        Ticket t = customer.post("/tickets", new NewTicket("Pasted table", "\n  \n ID  STATUS\n 42  open  \n\n",
                null, null, null, null, null, null)).expect(201).as(Ticket.class);
        assertEquals(" ID  STATUS\n 42  open",
                customer.get("/tickets/" + t.id()).expect(200).as(Ticket.class).messages().get(0).body());
        Message reply = agent.post("/tickets/" + t.id() + "/messages", new NewMessage("\tat Foo.bar(Foo.java:1)\n"))
                .expect(201).as(Message.class);
        assertEquals("\tat Foo.bar(Foo.java:1)", reply.body());
        customer.post("/tickets/" + t.id() + "/messages", new NewMessage(" \n\t\n")).expect(422);
    }

    @Test
    void close_sets_done_with_closed_at_and_done_is_final_for_everyone() {
        Ticket t = open(customer, "Close me");
        Ticket closed = agent.post("/tickets/" + t.id() + "/close", "").expect(200).as(Ticket.class);
        assertEquals(Status.DONE, closed.status());
        assertNotNull(closed.closedAt());
        for (ApiClient who : List.of(customer, agent)) {
            JsonNode reply = who.post("/tickets/" + t.id() + "/messages", new NewMessage("more")).expect(409).json();
            assertEquals("ticket-closed", reply.get("type").asText());
            assertTrue(reply.get("detail").asText().contains("ticket new --ref " + t.id()), reply.toString());
            who.post("/tickets/" + t.id() + "/close", "").expect(409);
        }
        assertEquals(1, customer.get("/tickets/" + t.id()).as(Ticket.class).messageCount());
    }

    @Test
    void unread_counts_the_other_sides_messages_after_the_read_marker() {
        Ticket t = open(customer, "Unread counter");
        assertEquals(0, t.unread());
        assertEquals(1, agent.get("/tickets/" + t.id()).as(Ticket.class).unread());
        agent.post("/tickets/" + t.id() + "/messages", new NewMessage("one")).expect(201);
        agent.post("/tickets/" + t.id() + "/messages", new NewMessage("two")).expect(201);
        assertEquals(0, agent.get("/tickets/" + t.id()).as(Ticket.class).unread(), "writing implies reading");
        assertEquals(2, customer.get("/tickets/" + t.id()).as(Ticket.class).unread());
        Ticket read = customer.post("/tickets/" + t.id() + "/read", "").expect(200).as(Ticket.class);
        assertEquals(0, read.unread());
        agent.post("/tickets/" + t.id() + "/messages", new NewMessage("three")).expect(201);
        assertEquals(1, customer.get("/tickets/" + t.id()).as(Ticket.class).unread());
        TicketPage unread = customer.get("/tickets?unread=true&limit=100").expect(200).as(TicketPage.class);
        assertTrue(unread.items().stream().anyMatch(x -> x.id() == t.id()));
        assertTrue(unread.items().stream().allMatch(x -> x.unread() > 0));
    }

    @Test
    void title_search_is_case_insensitive_for_cyrillic_and_combines_with_status() {
        ApiClient c = service.client("Ivan", Role.CUSTOMER, "hotel");
        Ticket booking = open(c, "Не работает ссылка на Бронирование");
        Ticket other = open(c, "Консьерж молчит");
        Ticket closedBooking = open(c, "БРОНИРОВАНИЕ дублируется");
        c.post("/tickets/" + closedBooking.id() + "/close", "").expect(200);
        List<Long> found = ids(c.get("/tickets?q=" + enc("бронирование")).expect(200).as(TicketPage.class));
        assertEquals(List.of(closedBooking.id(), booking.id()), found);
        assertEquals(List.of(booking.id()),
                ids(c.get("/tickets?status=on_customer&q=" + enc("Бронирование")).as(TicketPage.class)));
        assertEquals(List.of(closedBooking.id()),
                ids(c.get("/tickets?status=done&q=" + enc("бронир")).as(TicketPage.class)));
        assertFalse(found.contains(other.id()));
    }

    @Test
    void search_operators_and_quotes_are_plain_text_never_errors() {
        ApiClient c = service.client("Quoter", Role.CUSTOMER, "quotes");
        Ticket odd = open(c, "Error \"100%\" OR NEAR * -x _y");
        for (String q : List.of("\"100%\"", "OR", "NEAR", "*", "-x", "_y", "\"", "100%", "a AND b", "(", "'; DROP")) {
            TicketPage page = c.get("/tickets?q=" + enc(q)).expect(200).as(TicketPage.class);
            boolean expected = odd.title().toLowerCase().contains(q.toLowerCase());
            assertEquals(expected, ids(page).contains(odd.id()), "query " + q);
        }
    }

    @Test
    void pagination_never_skips_or_repeats_while_new_tickets_arrive() {
        ApiClient c = service.client("Pager", Role.CUSTOMER, "pager");
        for (int i = 0; i < 25; i++) {
            open(c, "page " + i);
        }
        List<Long> seen = new java.util.ArrayList<>();
        String cursor = null;
        int round = 0;
        do {
            TicketPage page = c.get("/tickets?limit=7" + (cursor == null ? "" : "&cursor=" + cursor)).expect(200)
                    .as(TicketPage.class);
            seen.addAll(ids(page));
            cursor = page.nextCursor();
            open(c, "arrived during paging " + round++);
        } while (cursor != null);
        assertEquals(25, seen.size(), "every ticket that existed at the start, once: " + seen);
        assertEquals(seen.size(), new java.util.HashSet<>(seen).size());
    }

    @Test
    void refs_must_be_tickets_of_the_same_account() {
        Ticket mine = open(customer, "Earlier question");
        ApiClient stranger = service.client("Eve", Role.CUSTOMER, "evil");
        Ticket theirs = open(stranger, "Their ticket");
        Ticket ok = customer.post("/tickets", Map.of("title", "Follow-up", "body", "x", "refs", List.of(mine.id())))
                .expect(201).as(Ticket.class);
        assertEquals(List.of(mine.id()), ok.refs());
        customer.post("/tickets", Map.of("title", "Sneaky", "body", "x", "refs", List.of(theirs.id()))).expect(422);
    }

    @Test
    void agents_see_every_account_and_filter_the_queue_by_awaiting() {
        Ticket waiting = open(customer, "Queue item");
        TicketPage queue = agent.get("/tickets?awaiting=team&limit=100").expect(200).as(TicketPage.class);
        assertTrue(ids(queue).contains(waiting.id()));
        assertTrue(queue.items().stream().allMatch(t -> t.awaiting().wire().equals("team")));
        Message answer = agent.post("/tickets/" + waiting.id() + "/messages", new NewMessage("Done?")).expect(201)
                .as(Message.class);
        assertEquals(waiting.id(), answer.ticketId());
        assertFalse(ids(agent.get("/tickets?awaiting=team&limit=100").as(TicketPage.class)).contains(waiting.id()));
    }

    static List<Long> ids(TicketPage page) {
        return page.items().stream().map(Ticket::id).toList();
    }

    static String enc(String text) {
        return java.net.URLEncoder.encode(text, java.nio.charset.StandardCharsets.UTF_8);
    }
}
