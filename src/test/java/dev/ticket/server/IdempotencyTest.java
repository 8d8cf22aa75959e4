package dev.ticket.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ticket.model.Role;
import dev.ticket.testing.ApiClient;
import dev.ticket.testing.MutableClock;
import dev.ticket.testing.SqliteFile;
import dev.ticket.testing.TestService;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** SPEC section 4, idempotency: a retried POST never makes a second ticket or message, for at least 24 h. */
class IdempotencyTest {
    static final MutableClock clock = new MutableClock(Instant.parse("2026-03-02T08:00:00Z"));
    @RegisterExtension
    static final TestService service = TestService.perClass(UnaryOperator.identity(), clock);
    final ApiClient customer = service.customer();
    final ApiClient agent = service.agent();
    final SqliteFile db = new SqliteFile(service.dataDir());

    static Map<String, String> key(String key) {
        return Map.of("Idempotency-Key", key);
    }

    static String ticket(String title) {
        return "{\"title\":\"" + title + "\",\"body\":\"It broke\"}";
    }

    @Test
    void the_same_key_and_body_replays_the_first_ticket_and_makes_no_second() {
        long before = db.count("tickets");
        JsonNode first = customer.post("/tickets", ticket("Retry me"), key("open-1")).expect(201).json();
        JsonNode again = customer.post("/tickets", ticket("Retry me"), key("open-1")).expect(201).json();
        assertEquals(first, again);
        assertEquals(before + 1, db.count("tickets"));
    }

    @Test
    void the_same_key_with_another_body_is_refused_with_422_and_writes_nothing() {
        customer.post("/tickets", ticket("First use"), key("open-2")).expect(201);
        long tickets = db.count("tickets");
        JsonNode problem = customer.post("/tickets", ticket("Second use"), key("open-2")).expect(422).json();
        assertEquals("idempotency-conflict", problem.get("type").asText());
        assertTrue(problem.get("detail").asText().contains("new key"), problem.toString());
        assertEquals(tickets, db.count("tickets"));
        long ticket = customer.post("/tickets", ticket("Third"), Map.of()).expect(201).json().get("id").asLong();
        customer.post("/tickets/" + ticket + "/messages", "{\"body\":\"x\"}", key("open-2")).expect(422);
    }

    @Test
    void ten_concurrent_requests_with_one_key_make_one_ticket() throws Exception {
        long before = db.count("tickets");
        List<JsonNode> answers = concurrently(10, () -> customer.post("/tickets", ticket("Stampede"), key("herd-1"))
                .expect(201).json());
        assertEquals(1, answers.stream().map(a -> a.get("id").asLong()).distinct().count(), answers.toString());
        assertEquals(before + 1, db.count("tickets"));
    }

    @Test
    void replies_replay_even_after_the_ticket_was_closed_and_concurrent_ones_make_one_message() throws Exception {
        long id = customer.post("/tickets", ticket("Reply retries"), Map.of()).expect(201).json().get("id").asLong();
        List<JsonNode> replies = concurrently(10, () -> customer.post("/tickets/" + id + "/messages",
                "{\"body\":\"Once\"}", key("reply-1")).expect(201).json());
        assertEquals(1, replies.stream().map(r -> r.get("id").asLong()).distinct().count());
        assertEquals(2, customer.get("/tickets/" + id).expect(200).json().get("message_count").asInt());
        agent.post("/tickets/" + id + "/close", "").expect(200);
        JsonNode late = customer.post("/tickets/" + id + "/messages", "{\"body\":\"Once\"}", key("reply-1"))
                .expect(201).json();
        assertEquals(replies.get(0), late, "a retry of an acknowledged reply gets its answer, not 409");
        customer.post("/tickets/" + id + "/messages", "{\"body\":\"Twice\"}", key("reply-2")).expect(409);
        assertEquals(0, db.rows("SELECT * FROM idempotency WHERE key = 'reply-2'").size(),
                "a refused request leaves its key unused");
        customer.post("/tickets/" + id + "/messages", "{\"body\":\"Twice\"}", key("reply-2")).expect(409);
    }

    @Test
    void close_replays_its_answer_while_a_plain_second_close_is_409() {
        long id = customer.post("/tickets", ticket("Close retries"), Map.of()).expect(201).json().get("id").asLong();
        JsonNode closed = customer.post("/tickets/" + id + "/close", "", key("close-1")).expect(200).json();
        assertEquals(closed, customer.post("/tickets/" + id + "/close", "", key("close-1")).expect(200).json());
        customer.post("/tickets/" + id + "/close", "").expect(409);
    }

    @Test
    void a_replay_is_given_for_at_least_24_hours_and_old_keys_are_swept_after_48() {
        JsonNode first = customer.post("/tickets", ticket("Long retry"), key("day-1")).expect(201).json();
        clock.advance(Duration.ofHours(25));
        assertEquals(first, customer.post("/tickets", ticket("Long retry"), key("day-1")).expect(201).json());
        clock.advance(Duration.ofHours(22));
        assertEquals(first, customer.post("/tickets", ticket("Long retry"), key("day-1")).expect(201).json());
        clock.advance(Duration.ofHours(2));
        customer.post("/tickets", ticket("Triggers the sweep"), key("day-2")).expect(201);
        assertEquals(0, db.rows("SELECT * FROM idempotency WHERE key = 'day-1'").size(), "kept beyond 48 h");
        JsonNode fresh = customer.post("/tickets", ticket("Long retry"), key("day-1")).expect(201).json();
        assertFalse(first.get("id").equals(fresh.get("id")), "a key forgotten after 48 h is a new request");
    }

    @Test
    void dedupe_key_merges_into_the_accounts_open_ticket_and_after_done_opens_a_new_one_with_a_ref() {
        String nightly = "{\"title\":\"Nightly build failed\",\"body\":\"run %d\",\"dedupe_key\":\"ci-nightly\"}";
        JsonNode opened = customer.post("/tickets", nightly.formatted(1)).expect(201).json();
        assertFalse(opened.has("deduplicated"));
        JsonNode merged = customer.post("/tickets", nightly.formatted(2)).expect(200).json();
        assertEquals(opened.get("id"), merged.get("id"));
        assertTrue(merged.get("deduplicated").asBoolean());
        assertEquals(2, merged.get("message_count").asInt());
        JsonNode chat = customer.get("/tickets/" + opened.get("id").asLong()).expect(200).json();
        assertEquals("run 2", chat.at("/messages/1/body").asText());
        ApiClient neighbour = service.client("Ivan", Role.CUSTOMER, "hotel");
        assertFalse(opened.get("id").equals(neighbour.post("/tickets", nightly.formatted(3)).expect(201).json()
                .get("id")), "another account's dedupe key is its own");
        agent.post("/tickets/" + opened.get("id").asLong() + "/close", "").expect(200);
        JsonNode next = customer.post("/tickets", nightly.formatted(4)).expect(201).json();
        assertFalse(opened.get("id").equals(next.get("id")));
        assertEquals(List.of(opened.get("id").asLong()), ids(next.get("refs")));
        JsonNode mergedAgain = customer.post("/tickets", nightly.formatted(5), key("dedupe-retry")).expect(200).json();
        assertEquals(next.get("id"), mergedAgain.get("id"));
        assertEquals(mergedAgain, customer.post("/tickets", nightly.formatted(5), key("dedupe-retry")).expect(200)
                .json(), "a replayed merge is still 200 deduplicated and adds no message");
        assertEquals(2, customer.get("/tickets/" + next.get("id").asLong()).json().get("message_count").asInt());
    }

    @Test
    void ten_concurrent_creates_with_one_dedupe_key_make_one_ticket_with_ten_messages() throws Exception {
        String body = "{\"title\":\"Flaky\",\"body\":\"again\",\"dedupe_key\":\"flaky-herd\"}";
        List<ApiClient.Reply> replies = concurrently(10, () -> customer.post("/tickets", body));
        Set<Integer> statuses = replies.stream().map(ApiClient.Reply::status).collect(Collectors.toSet());
        assertEquals(Set.of(200, 201), statuses, replies.toString());
        assertEquals(1, replies.stream().filter(r -> r.status() == 201).count());
        long id = replies.get(0).json().get("id").asLong();
        assertTrue(replies.stream().allMatch(r -> r.json().get("id").asLong() == id));
        assertEquals(10, customer.get("/tickets/" + id).json().get("message_count").asInt());
    }

    private static List<Long> ids(JsonNode array) {
        List<Long> ids = new ArrayList<>();
        array.forEach(n -> ids.add(n.asLong()));
        return ids;
    }

    /** Runs {@code n} copies of a call released at the same instant. */
    private static <T> List<T> concurrently(int n, Callable<T> call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                futures.add(pool.submit(() -> {
                    go.await();
                    return call.call();
                }));
            }
            go.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> f : futures) {
                results.add(f.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
