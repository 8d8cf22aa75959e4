package dev.ticket.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ticket.model.Role;
import dev.ticket.testing.ApiClient;
import dev.ticket.testing.EventReader.Frame;
import dev.ticket.testing.EventReader;
import dev.ticket.testing.TestService;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** SPEC section 4, live events: {@code GET /api/v1/events} streams what the caller may see, resumably. */
class EventStreamTest {
    // a deadline, not a latency target: a busy 2-core machine has delivered events after more than a second
    static final Duration PROMPTLY = Duration.ofSeconds(10);
    @RegisterExtension
    static final TestService service = TestService.perClass();
    final ApiClient customer = service.customer();
    final ApiClient agent = service.agent();

    static EventReader stream(ApiClient who, String query, Map<String, String> headers) {
        EventReader reader = EventReader.open(service.url(), who.token(), query, headers);
        assertEquals(200, reader.status(), reader.refusal());
        return reader;
    }

    long open(String title) {
        return customer.post("/tickets", "{\"title\":\"" + title + "\",\"body\":\"first\"}").expect(201).json()
                .get("id").asLong();
    }

    static void reply(ApiClient who, long ticket, String body) {
        who.post("/tickets/" + ticket + "/messages", "{\"body\":\"" + body + "\"}").expect(201);
    }

    /** The next frame, which must arrive within a second of the write that caused it. */
    static Frame promptly(EventReader reader) {
        Frame frame = reader.next(PROMPTLY);
        assertNotNull(frame, "no event within " + PROMPTLY + " of the write");
        return frame;
    }

    @Test
    void message_and_status_events_arrive_within_a_second_each_with_an_increasing_id() {
        try (EventReader events = stream(customer, "", Map.of())) {
            assertTrue(events.header("Content-Type").startsWith("text/event-stream"));
            assertEquals("no-store", events.header("Cache-Control"));
            long ticket = open("Live");
            Frame opened = promptly(events);
            reply(agent, ticket, "Looking into it");
            Frame answered = promptly(events);
            agent.post("/tickets/" + ticket + "/close", "").expect(200);
            Frame closed = promptly(events);
            assertEquals(List.of("message", "message", "status"),
                    List.of(opened.event(), answered.event(), closed.event()));
            assertTrue(opened.eventId() < answered.eventId() && answered.eventId() < closed.eventId());
            for (Frame f : List.of(opened, answered, closed)) {
                assertEquals(f.eventId(), f.json().get("id").asLong());
                assertEquals(f.event(), f.json().get("kind").asText());
                assertEquals(ticket, f.json().get("ticket_id").asLong());
            }
            assertEquals("first", opened.json().at("/message/body").asText());
            assertEquals("agent", answered.json().at("/message/author/role").asText());
            assertEquals("done", closed.json().get("status").asText());
        }
    }

    @Test
    void reconnecting_with_last_event_id_resumes_without_gaps_or_repeats() {
        long ticket = open("Flaky connection");
        List<Frame> seen = new ArrayList<>();
        long lastId;
        try (EventReader first = stream(customer, "ticket=" + ticket, Map.of("Last-Event-ID", "0"))) {
            for (int i = 1; i <= 3; i++) {
                reply(agent, ticket, "before " + i);
            }
            seen.addAll(first.until(f -> f.json().at("/message/body").asText().equals("before 2"), PROMPTLY));
            lastId = seen.get(seen.size() - 1).eventId();
        }
        for (int i = 1; i <= 3; i++) {
            reply(agent, ticket, "while away " + i);
        }
        try (EventReader again = stream(customer, "ticket=" + ticket, Map.of("Last-Event-ID", String.valueOf(lastId)))) {
            reply(agent, ticket, "after");
            seen.addAll(again.until(f -> f.json().at("/message/body").asText().equals("after"), PROMPTLY));
        }
        List<String> bodies = seen.stream().map(f -> f.json().at("/message/body").asText()).toList();
        assertEquals(List.of("first", "before 1", "before 2", "before 3", "while away 1", "while away 2",
                "while away 3", "after"), bodies);
        List<Long> ids = seen.stream().map(Frame::eventId).toList();
        assertEquals(ids.stream().sorted().distinct().toList(), ids, "ids increase and never repeat");
    }

    @Test
    void after_query_parameter_resumes_like_last_event_id() {
        long ticket = open("Resume by query");
        reply(agent, ticket, "one");
        List<Frame> all;
        try (EventReader events = stream(agent, "ticket=" + ticket + "&after=0", Map.of())) {
            all = events.until(f -> f.json().at("/message/body").asText().equals("one"), PROMPTLY);
        }
        try (EventReader resumed = stream(agent, "ticket=" + ticket + "&after=" + all.get(0).eventId(), Map.of())) {
            assertEquals(all.get(1), promptly(resumed));
        }
    }

    @Test
    void concurrent_writes_all_arrive_once_and_in_id_order() throws Exception {
        long ticket = open("Busy ticket");
        try (EventReader events = stream(agent, "ticket=" + ticket, Map.of())) {
            ExecutorService pool = Executors.newFixedThreadPool(8);
            List<Future<Long>> writes = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                ApiClient who = i % 2 == 0 ? agent : customer;
                String body = "{\"body\":\"burst " + i + "\"}";
                writes.add(pool.submit(() -> who.post("/tickets/" + ticket + "/messages", body).expect(201).json()
                        .get("id").asLong()));
            }
            Set<Long> written = new TreeSet<>();
            for (Future<Long> w : writes) {
                written.add(w.get());
            }
            pool.shutdown();
            List<Frame> frames = new ArrayList<>();
            while (frames.size() < written.size()) {
                frames.add(promptly(events));
            }
            Set<Long> streamed = frames.stream().map(f -> f.json().at("/message/id").asLong())
                    .collect(Collectors.toCollection(TreeSet::new));
            assertEquals(written, streamed);
            List<Long> ids = frames.stream().map(Frame::eventId).toList();
            assertEquals(ids.stream().sorted().distinct().toList(), ids);
        }
    }

    @Test
    void a_customer_stream_without_a_filter_carries_only_its_own_account() {
        ApiClient neighbour = service.client("Ivan", Role.CUSTOMER, "hotel");
        try (EventReader mine = stream(customer, "", Map.of())) {
            long theirs = neighbour.post("/tickets", "{\"title\":\"Theirs\",\"body\":\"x\"}").expect(201).json()
                    .get("id").asLong();
            reply(agent, theirs, "to the neighbour");
            long own = open("Mine");
            Frame next = promptly(mine);
            assertEquals(own, next.json().get("ticket_id").asLong(), "the neighbour's events were skipped");
        }
    }

    @Test
    void a_stream_for_a_missing_ticket_or_without_a_token_is_refused_before_it_starts() {
        try (EventReader missing = EventReader.open(service.url(), customer.token(), "ticket=424242", Map.of())) {
            assertEquals(404, missing.status());
            JsonNode problem = new ApiClient.Reply(404, missing.refusal(), null).json();
            assertEquals("not-found", problem.get("type").asText());
        }
        try (EventReader anonymous = EventReader.open(service.url(), null, "", Map.of())) {
            assertEquals(401, anonymous.status());
        }
    }
}
