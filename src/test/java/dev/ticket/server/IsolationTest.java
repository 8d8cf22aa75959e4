package dev.ticket.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ticket.model.Role;
import dev.ticket.testing.ApiClient;
import dev.ticket.testing.EventReader;
import dev.ticket.testing.MultipartBody;
import dev.ticket.testing.TestService;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * SPEC section 2: a customer sees only its own account, on every route of the route table; admin routes
 * are for admins; every non-public route wants a valid token. Built from the table, so a new route
 * without a case here fails the test.
 */
class IsolationTest {
    static final long MISSING = 999_999;
    static final String OPEN_KEY = "iso-open-1";
    static final String REPLY_KEY = "iso-reply-1";
    static final String CLOSE_KEY = "iso-close-1";
    static final String TICKET_JSON = "{\"title\":\"Private invoice problem\",\"body\":\"Our invoice 4711 is wrong\"}";
    static final String REPLY_JSON = "{\"body\":\"Here is the invoice\"}";

    @RegisterExtension
    static final TestService service = TestService.perClass();
    static ApiClient victim;
    static ApiClient stranger;
    static ApiClient agent;
    static long openTicket;
    static long doneTicket;
    static long attachment;
    static long victimMessage;
    static long victimUser;
    static long agentUser;

    /** One route's request; {@code id} fills {@code {id}} in the path. */
    record Answer(int status, String body) {
        JsonNode json() {
            return new ApiClient.Reply(status, body, null).json();
        }
    }

    /**
     * How a route is probed as the stranger, and what must come back. {@code hidden}: the answer must be
     * the one for an id that does not exist.
     */
    record Case(long id, String contentType, String body, Map<String, String> headers, Consumer<Answer> check,
                boolean hidden) {
        Case(long id, String contentType, String body, Map<String, String> headers, Consumer<Answer> check) {
            this(id, contentType, body, headers, check, false);
        }
    }

    @BeforeAll
    static void start() {
        victim = new ApiClient(service.url(), service.addUser("Vera", Role.CUSTOMER, "acme").token());
        stranger = service.client("Eve", Role.CUSTOMER, "other");
        agent = service.client("Sam", Role.AGENT, null);
        victimUser = victim.get("/me").expect(200).json().get("id").asLong();
        agentUser = agent.get("/me").expect(200).json().get("id").asLong();
        openTicket = victim.post("/tickets", TICKET_JSON, Map.of("Idempotency-Key", OPEN_KEY)).expect(201).json()
                .get("id").asLong();
        victimMessage = victim.post("/tickets/" + openTicket + "/messages", REPLY_JSON,
                Map.of("Idempotency-Key", REPLY_KEY)).expect(201).json().get("id").asLong();
        MultipartBody form = new MultipartBody().field("body", "scan").file("invoice.pdf", "application/pdf",
                "%PDF-1.4 secret".getBytes(StandardCharsets.UTF_8));
        attachment = victim.postBytes("/tickets/" + openTicket + "/messages", form.contentType(), form.bytes())
                .expect(201).json().at("/attachments/0/id").asLong();
        doneTicket = victim.post("/tickets", "{\"title\":\"Old\",\"body\":\"old\"}").expect(201).json().get("id")
                .asLong();
        victim.post("/tickets/" + doneTicket + "/close", "", Map.of("Idempotency-Key", CLOSE_KEY)).expect(200);
    }

    /** Every route of the table as the stranger: a case per route, or the test fails. */
    static Map<String, Case> strangerCases() {
        Map<String, Case> cases = new TreeMap<>();
        cases.put("GET /healthz", plain(a -> assertEquals(200, a.status())));
        cases.put("GET /readyz", plain(a -> assertEquals(200, a.status())));
        cases.put("GET /api/v1/me", plain(a -> assertEquals("other", a.json().get("account").asText())));
        cases.put("GET /api/v1/hours", plain(a -> assertEquals(200, a.status())));
        cases.put("GET /api/v1/topics", plain(a -> assertEquals(200, a.status())));
        cases.put("GET /api/v1/limits", plain(a -> assertEquals(200, a.status())));
        cases.put("GET /api/v1/tickets", plain(a -> assertFalse(a.body().contains("Private invoice"), a.body())));
        cases.put("POST /api/v1/tickets", new Case(0, "application/json", TICKET_JSON,
                Map.of("Idempotency-Key", OPEN_KEY), a -> {
                    assertEquals(201, a.status(), "the same key from another user is a new request: " + a.body());
                    assertNotEquals(openTicket, a.json().get("id").asLong());
                    assertEquals("other", a.json().get("account").asText());
                }));
        cases.put("GET /api/v1/tickets/{id}", hidden(openTicket, null, null, Map.of()));
        cases.put("POST /api/v1/tickets/{id}/messages", hidden(openTicket, "application/json", REPLY_JSON,
                Map.of("Idempotency-Key", REPLY_KEY)));
        cases.put("POST /api/v1/tickets/{id}/close", hidden(doneTicket, null, null,
                Map.of("Idempotency-Key", CLOSE_KEY)));
        cases.put("POST /api/v1/tickets/{id}/read", hidden(openTicket, null, null, Map.of()));
        cases.put("GET /api/v1/attachments/{id}", hidden(attachment, null, null, Map.of()));
        cases.put("PUT /api/v1/tickets/{id}/assignee", hidden(openTicket, "application/json",
                "{\"user_id\":" + agentUser + "}", Map.of()));
        cases.put("DELETE /api/v1/tickets/{id}/assignee", hidden(openTicket, null, null, Map.of()));
        cases.put("GET /api/v1/agents", new Case(0, null, null, Map.of(), a -> forbidden(a)));
        cases.put("GET /api/v1/events", new Case(0, null, null, Map.of(), a -> {
            throw new AssertionError("events are probed by events_of_another_account_never_reach_a_customer");
        }));
        for (String admin : List.of("GET /api/v1/users", "POST /api/v1/users", "POST /api/v1/users/{id}/tokens",
                "DELETE /api/v1/tokens/{id}")) {
            cases.put(admin, new Case(victimUser, "application/json",
                    "{\"name\":\"Mallory\",\"role\":\"admin\"}", Map.of(), a -> forbidden(a)));
        }
        return cases;
    }

    @Test
    void a_customer_of_another_account_is_answered_as_if_nothing_existed_on_every_route() {
        Map<String, Case> cases = strangerCases();
        JsonNode before = victim.get("/tickets/" + openTicket).expect(200).json();
        List<String> failures = new ArrayList<>();
        for (Route route : service.app().server().routes()) {
            String key = route.method().name() + " " + route.path();
            Case c = cases.get(key);
            if (c == null) {
                failures.add(key + " has no isolation case: add one to IsolationTest.strangerCases");
            } else if (!route.path().endsWith("/events")) {
                try {
                    Answer answer = send(stranger, route, c.id(), c);
                    c.check().accept(answer);
                    if (c.hidden()) {
                        Answer missing = send(stranger, route, MISSING, c);
                        assertEquals(missing.status(), answer.status());
                        assertEquals(normalized(missing.body()), normalized(answer.body()));
                    }
                } catch (AssertionError e) {
                    failures.add(key + ": " + e.getMessage());
                }
            }
        }
        assertEquals(List.of(), failures);
        JsonNode after = victim.get("/tickets/" + openTicket).expect(200).json();
        assertEquals(before, after, "the stranger changed nothing in the victim's ticket");
        stranger.get("/tickets").expect(200).json().get("items")
                .forEach(t -> assertEquals("other", t.get("account").asText()));
    }

    @Test
    void following_another_accounts_ticket_is_not_found_like_a_missing_one() {
        for (long id : List.of(openTicket, MISSING)) {
            try (EventReader events = EventReader.open(service.url(), stranger.token(), "ticket=" + id, Map.of())) {
                assertEquals(404, events.status());
                assertEquals("Ticket #N was not found.", normalized(events.refusal()));
            }
        }
    }

    @Test
    void events_of_another_account_never_reach_a_customer_while_agents_see_all() {
        try (EventReader theirs = EventReader.open(service.url(), stranger.token(), "after=0", Map.of());
             EventReader team = EventReader.open(service.url(), agent.token(), "after=0", Map.of())) {
            long own = stranger.post("/tickets", "{\"title\":\"Mine\",\"body\":\"mine\"}").expect(201).json()
                    .get("id").asLong();
            List<EventReader.Frame> seen = theirs.until(f -> f.json().get("ticket_id").asLong() == own,
                    Duration.ofSeconds(5));
            assertTrue(seen.stream().allMatch(f -> f.json().get("ticket_id").asLong() != openTicket
                    && f.json().get("ticket_id").asLong() != doneTicket), seen.toString());
            List<EventReader.Frame> all = team.until(f -> f.json().get("ticket_id").asLong() == own,
                    Duration.ofSeconds(5));
            assertTrue(all.stream().anyMatch(f -> f.json().get("ticket_id").asLong() == openTicket));
        }
    }

    @Test
    void the_same_idempotency_key_from_another_user_never_replays_the_first_users_answer() {
        JsonNode agents = agent.post("/tickets/" + openTicket + "/messages", REPLY_JSON,
                Map.of("Idempotency-Key", REPLY_KEY)).expect(201).json();
        assertNotEquals(victimMessage, agents.get("id").asLong());
        assertEquals("agent", agents.at("/author/role").asText());
        JsonNode replay = victim.post("/tickets/" + openTicket + "/messages", REPLY_JSON,
                Map.of("Idempotency-Key", REPLY_KEY)).expect(201).json();
        assertEquals(victimMessage, replay.get("id").asLong(), "the owner of the key still gets its own answer");
    }

    @Test
    void head_requests_are_checked_like_the_get_they_stand_for() {
        ApiClient anonymous = new ApiClient(service.url(), null);
        for (String path : List.of("/tickets/" + openTicket, "/attachments/" + attachment)) {
            assertEquals(404, stranger.raw("HEAD", service.url() + "/api/v1" + path, null, null, Map.of()).status());
            assertEquals(200, victim.raw("HEAD", service.url() + "/api/v1" + path, null, null, Map.of()).status());
        }
        assertEquals(404, stranger.raw("HEAD", service.url() + "/api/v1/events?ticket=" + openTicket, null, null,
                Map.of()).status());
        ApiClient.Reply events = victim.raw("HEAD", service.url() + "/api/v1/events", null, null, Map.of());
        assertEquals(200, events.status());
        assertTrue(events.header("Content-Type").startsWith("text/event-stream"));
        assertEquals(401, anonymous.raw("HEAD", service.url() + "/api/v1/tickets/" + MISSING, null, null, Map.of())
                .status());
    }

    @Test
    void admin_routes_refuse_customers_and_agents_with_403() {
        List<Route> adminRoutes = service.app().server().routes().stream()
                .filter(r -> r.access() == Access.ADMIN).toList();
        assertEquals(4, adminRoutes.size());
        for (ApiClient who : List.of(victim, agent)) {
            for (Route route : adminRoutes) {
                forbidden(send(who, route, victimUser, new Case(victimUser, "application/json",
                        "{\"name\":\"Mallory\",\"role\":\"admin\"}", Map.of(), a -> { })));
            }
        }
        assertEquals(4, service.admin().get("/users").expect(200).json().get("items").size(),
                "admin, Vera, Eve and Sam: the refused requests added no user");
        victim.get("/me").expect(200);
    }

    @Test
    void every_non_public_route_refuses_a_missing_or_unknown_token_with_401() {
        List<String> failures = new ArrayList<>();
        for (Route route : service.app().server().routes()) {
            if (route.access() == Access.PUBLIC) {
                continue;
            }
            List<String> methods = route.method().name().equals("GET") ? List.of("GET", "HEAD")
                    : List.of(route.method().name());
            for (String method : methods) {
                for (String auth : new String[] {null, "Bearer tkt_not-a-real-token", "Basic dXNlcjpwYXNz", "Bearer "}) {
                    Map<String, String> headers = auth == null ? Map.of() : Map.of("Authorization", auth);
                    ApiClient.Reply r = new ApiClient(service.url(), null).raw(method,
                            service.url() + route.path().replace("{id}", String.valueOf(openTicket)),
                            "application/json", method.equals("HEAD") ? null
                                    : TICKET_JSON.getBytes(StandardCharsets.UTF_8), headers);
                    if (r.status() != 401 || !"Bearer".equals(r.header("WWW-Authenticate"))
                            || !(method.equals("HEAD") || r.json().get("type").asText().equals("unauthorized"))) {
                        failures.add(method + " " + route.path() + " with " + auth + ": " + r.status());
                    }
                }
            }
        }
        assertEquals(List.of(), failures);
    }

    static Answer send(ApiClient who, Route route, long id, Case c) {
        String path = service.url() + route.path().replace("{id}", String.valueOf(id));
        ApiClient.Reply r = who.raw(route.method().name(), path, c.contentType(),
                c.body() == null ? null : c.body().getBytes(StandardCharsets.UTF_8), c.headers());
        return new Answer(r.status(), r.body());
    }

    private static Case plain(Consumer<Answer> check) {
        return new Case(0, null, null, Map.of(), a -> {
            assertEquals(200, a.status(), a.body());
            check.accept(a);
        });
    }

    /** The stranger's answer must be the one for an id that does not exist at all. */
    private static Case hidden(long id, String contentType, String body, Map<String, String> headers) {
        return new Case(id, contentType, body, headers, a -> {
            assertEquals(404, a.status(), a.body());
            assertEquals("not-found", a.json().get("type").asText());
            assertFalse(a.body().contains("invoice"), a.body());
        }, true);
    }

    private static void forbidden(Answer a) {
        assertEquals(403, a.status(), a.body());
        assertEquals("forbidden", a.json().get("type").asText());
    }

    /** A problem's detail with numbers replaced, so answers for two ids can be compared. */
    static String normalized(String problem) {
        return new Answer(404, problem).json().get("detail").asText().replaceAll("[0-9]+", "N");
    }
}
