package dev.ticket.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ticket.model.NewUser;
import dev.ticket.model.Role;
import dev.ticket.model.User;
import dev.ticket.testing.ApiClient;
import dev.ticket.testing.H2Streams;
import dev.ticket.testing.RawStream;
import dev.ticket.testing.ServeProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * SPEC 7.1 on a real {@code ticket serve} process: event streams without a thread each, their caps (per user
 * 429, in all 503, both with Retry-After, slots freed at once), keep-alives, a client that stops reading,
 * and a revoked token's streams; the same over HTTP/2 cleartext, many streams to a connection.
 */
class StreamLimitsTest {
    static final int PER_USER = 3;
    static final int TOTAL = 320;
    static ServeProcess serve;
    static ApiClient admin;
    static ApiClient agent;

    @BeforeAll
    static void start() throws Exception {
        Path dir = Files.createTempDirectory("ticket-streams-");
        serve = ServeProcess.start(dir, "--max-streams-per-user", String.valueOf(PER_USER),
                "--max-streams", String.valueOf(TOTAL), "--stream-buffer", "65536", "--keepalive", "1s");
        admin = serve.admin();
        agent = serve.client("Sam", Role.AGENT, null);
    }

    @AfterAll
    static void stop() {
        serve.close();
    }

    static User user(String name, String account) {
        return admin.post("/users", new NewUser(name, Role.CUSTOMER, account)).expect(201).as(User.class);
    }

    static long open(ApiClient who, String title) {
        return who.post("/tickets", "{\"title\":\"" + title + "\",\"body\":\"first\"}").expect(201).json()
                .get("id").asLong();
    }

    static RawStream stream(String token) {
        return RawStream.open(serve.url(), token);
    }

    /** Whether a stream of {@code token} is accepted (200) within a second; the accepted one joins {@code open}. */
    static boolean reopensWithinASecond(String token, List<RawStream> open) {
        return ServeProcess.await(Duration.ofSeconds(1), () -> {
            RawStream again = stream(token);
            if (again.status() != 200) {
                again.close();
                return false;
            }
            open.add(again);
            return true;
        });
    }

    @Test
    void hundreds_of_streams_stay_open_each_event_reaches_exactly_its_account_and_the_total_cap_answers_503() {
        List<RawStream> streams = new ArrayList<>();
        try {
            int accounts = 10;
            List<List<RawStream>> byAccount = new ArrayList<>();
            List<ApiClient> firstOfAccount = new ArrayList<>();
            for (int a = 0; a < accounts; a++) {
                byAccount.add(new ArrayList<>());
                for (int u = 0; u < 10; u++) {
                    User user = user("many-" + a + "-" + u, "many-" + a);
                    if (u == 0) {
                        firstOfAccount.add(new ApiClient(serve.url(), user.token()));
                    }
                    for (int s = 0; s < PER_USER; s++) {
                        RawStream stream = stream(user.token());
                        streams.add(stream);
                        assertEquals(200, stream.status(), "stream " + streams.size());
                        byAccount.get(a).add(stream);
                    }
                }
            }
            int held = streams.size(); // 300, plus whatever the other tests hold right now
            assertEquals(accounts * 10 * PER_USER, held);

            long ticket = open(firstOfAccount.get(3), "Seen by account many-3 only");
            for (RawStream s : byAccount.get(3)) {
                assertTrue(s.await("\"ticket_id\":" + ticket, Duration.ofSeconds(5)), "an account-3 stream missed it");
            }
            agent.post("/tickets/" + ticket + "/messages", "{\"body\":\"marker\"}").expect(201);
            for (RawStream s : byAccount.get(3)) {
                assertTrue(s.await("marker", Duration.ofSeconds(5)));
            }
            for (RawStream s : byAccount.get(4)) {
                assertFalse(s.text().contains("\"ticket_id\":" + ticket), "another account's stream saw it");
            }
            // Fill the service to its total cap with a fresh user each few streams; the next one gets 503.
            RawStream refused = null;
            for (int i = 0; refused == null && i < TOTAL; i++) {
                User extra = user("extra-" + i, "extra");
                for (int s = 0; s < PER_USER; s++) {
                    RawStream next = stream(extra.token());
                    if (next.status() != 200) {
                        refused = next;
                        break;
                    }
                    streams.add(next);
                }
            }
            assertTrue(refused != null, "no 503 after " + streams.size() + " streams");
            assertEquals(503, refused.status());
            assertTrue(refused.header("Content-Type").startsWith("application/problem+json"));
            assertTrue(Integer.parseInt(refused.header("Retry-After")) > 0);
            assertTrue(refused.body().contains("\"status\":503"));
            refused.close();
            // the service still serves everything else
            agent.get("/tickets/" + ticket).expect(200);
            // one closed stream frees a slot at once
            streams.remove(streams.size() - 1).close();
            User late = user("late", "late");
            assertTrue(reopensWithinASecond(late.token(), streams),
                    "the closed stream's slot was not free within a second");
        } finally {
            streams.forEach(RawStream::close);
        }
    }

    @Test
    void a_user_past_the_per_user_cap_gets_429_too_many_streams_and_a_closed_stream_frees_its_slot_at_once() {
        User olga = user("Olga", "acme");
        List<RawStream> open = new ArrayList<>();
        try {
            for (int i = 0; i < PER_USER; i++) {
                open.add(stream(olga.token()));
                assertEquals(200, open.get(i).status());
            }
            try (RawStream refused = stream(olga.token())) {
                assertEquals(429, refused.status());
                assertEquals("5", refused.header("Retry-After"));
                assertTrue(refused.header("Content-Type").startsWith("application/problem+json"));
                assertTrue(refused.body().contains("\"type\":\"too-many-streams\""));
            }
            // another user is not affected
            User ivan = user("Ivan", "acme");
            try (RawStream other = stream(ivan.token())) {
                assertEquals(200, other.status());
            }
            open.remove(0).close();
            long closedAt = System.nanoTime();
            assertTrue(reopensWithinASecond(olga.token(), open),
                    "the slot was not free within a second of closing the stream");
            System.out.printf("slot free again %.0f ms after the close%n", (System.nanoTime() - closedAt) / 1e6);
        } finally {
            open.forEach(RawStream::close);
        }
    }

    @Test
    void keep_alive_comments_arrive_at_the_configured_interval() {
        User user = user("Keep", "keep");
        try (RawStream stream = stream(user.token())) {
            assertEquals(200, stream.status());
            assertTrue(stream.await(": keepalive", Duration.ofSeconds(3)), "no keep-alive within 3 s at --keepalive 1s");
        }
    }

    @Test
    void revoking_a_token_ends_its_streams_within_a_second_and_nothing_written_after_reaches_them() {
        User user = user("Revoked", "rev");
        ApiClient customer = new ApiClient(serve.url(), user.token());
        long ticket = open(customer, "Before revocation");
        try (RawStream all = stream(user.token());
             RawStream one = RawStream.open(serve.url(), user.token(), "ticket=" + ticket, 0)) {
            assertEquals(200, all.status());
            assertEquals(200, one.status());
            agent.post("/tickets/" + ticket + "/messages", "{\"body\":\"before-revocation\"}").expect(201);
            assertTrue(all.await("before-revocation", Duration.ofSeconds(5)));
            assertTrue(one.await("before-revocation", Duration.ofSeconds(5)));

            long revoked = System.nanoTime();
            admin.delete("/tokens/" + user.id()).expect(200);
            agent.post("/tickets/" + ticket + "/messages", "{\"body\":\"after-revocation\"}").expect(201);
            assertTrue(all.awaitEnd(Duration.ofSeconds(1)), "the stream was still open 1 s after the revocation");
            assertTrue(one.awaitEnd(Duration.ofSeconds(1)));
            System.out.printf("revoked streams ended within %.0f ms%n", (System.nanoTime() - revoked) / 1e6);
            assertFalse(all.text().contains("after-revocation"), all.text());
            assertFalse(one.text().contains("after-revocation"), one.text());
        }
        try (RawStream again = stream(user.token())) {
            assertEquals(401, again.status());
        }
    }

    @Test
    void a_client_that_stops_reading_is_cut_once_its_unsent_data_passes_the_bound() throws Exception {
        User user = user("Slow", "slow");
        ApiClient customer = new ApiClient(serve.url(), user.token());
        long ticket = open(customer, "Big replies");
        String big = "x".repeat(90_000);
        try (RawStream slow = RawStream.open(serve.url(), user.token(), "", 4096)) {
            assertEquals(200, slow.status());
            long posted = 0;
            // Far more than the 64 KiB bound plus what loopback socket buffers can hold.
            for (int i = 0; i < 40; i++) {
                agent.post("/tickets/" + ticket + "/messages", "{\"body\":\"" + big + "\"}").expect(201);
                posted += big.length();
            }
            long readFrom = System.nanoTime();
            assertTrue(slow.awaitEnd(Duration.ofSeconds(30)), "the stream of a client that stopped reading stayed open");
            System.out.printf("slow reader: posted %d bytes, it read %d before the cut (%.0f ms reading)%n", posted,
                    slow.bytesRead(), (System.nanoTime() - readFrom) / 1e6);
            assertTrue(slow.bytesRead() < posted / 2, "read " + slow.bytesRead() + " of " + posted);
            // the service answers, and the user streams again
            agent.get("/tickets/" + ticket).expect(200);
            try (RawStream again = stream(user.token())) {
                assertEquals(200, again.status());
            }
        }
    }

    @Test
    void one_h2c_connection_carries_many_users_streams_with_their_caps_delivery_freed_slots_and_revocation()
            throws Exception {
        List<User> users = new ArrayList<>();
        for (int u = 0; u < 40; u++) {
            users.add(user("h2-" + u, "h2"));
        }
        long ticket = open(new ApiClient(serve.url(), users.get(0).token()), "Over HTTP/2");
        // the port that serves HTTP/1.1 takes HTTP/2 by prior knowledge: 120 streams on one connection
        try (H2Streams connection = H2Streams.connect(serve.url())) {
            List<List<H2Streams.Events>> byUser = new ArrayList<>();
            for (User user : users) {
                List<H2Streams.Events> streams = new ArrayList<>();
                for (int s = 0; s < PER_USER; s++) {
                    H2Streams.Events events = connection.open(user.token(), null);
                    assertEquals(200, events.status());
                    assertTrue(events.header("Content-Type").startsWith("text/event-stream"));
                    streams.add(events);
                }
                byUser.add(streams);
            }
            assertEquals(users.size() * PER_USER, connection.openStreams(), "all streams share the one connection");

            // the per-user cap holds on HTTP/2 as on HTTP/1.1
            H2Streams.Events refused = connection.open(users.get(0).token(), null);
            assertEquals(429, refused.status());
            assertTrue(Integer.parseInt(refused.header("Retry-After")) > 0);
            assertTrue(refused.awaitEnd(Duration.ofSeconds(5)));
            assertTrue(refused.text().contains("\"type\":\"too-many-streams\""), refused.text());

            // a reply reaches every stream of the connection (written to them in batches); HTTP/1.1 goes on
            agent.post("/tickets/" + ticket + "/messages", "{\"body\":\"h2-marker-1\"}").expect(201);
            for (List<H2Streams.Events> streams : byUser) {
                for (H2Streams.Events events : streams) {
                    assertTrue(events.await("h2-marker-1", Duration.ofSeconds(5)), "an HTTP/2 stream missed it");
                }
            }
            agent.get("/tickets/" + ticket).expect(200);
            // a client that asks to switch with Upgrade: h2c (the JDK's default) stays on HTTP/1.1 (AttachmentCrashTest:
            // an upload sent so still streams to disk)
            java.net.http.HttpResponse<String> upgrade = java.net.http.HttpClient.newHttpClient().send(
                    java.net.http.HttpRequest.newBuilder(java.net.URI.create(serve.url() + "/api/v1/tickets/" + ticket))
                            .header("Authorization", "Bearer " + agent.token()).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            assertEquals(200, upgrade.statusCode(), upgrade.body());
            assertEquals(java.net.http.HttpClient.Version.HTTP_1_1, upgrade.version());

            // a stream the client cancels (RST_STREAM) frees its slot at once; the connection stays up
            byUser.get(0).remove(0).cancel();
            assertTrue(ServeProcess.await(Duration.ofSeconds(1), () -> {
                H2Streams.Events again = connection.open(users.get(0).token(), null);
                if (again.status() == 200) {
                    byUser.get(0).add(again);
                    return true;
                }
                return false;
            }), "the cancelled stream's slot was not free within a second");

            // revoking one user's tokens ends their streams within a second; the others on the connection go on
            admin.delete("/tokens/" + users.get(1).id()).expect(200);
            agent.post("/tickets/" + ticket + "/messages", "{\"body\":\"h2-marker-2\"}").expect(201);
            for (H2Streams.Events events : byUser.get(1)) {
                assertTrue(events.awaitEnd(Duration.ofSeconds(1)), "a revoked stream was open 1 s after revocation");
                assertFalse(events.text().contains("h2-marker-2"), "a revoked stream got a reply posted after it");
            }
            for (H2Streams.Events events : byUser.get(0)) {
                assertTrue(events.await("h2-marker-2", Duration.ofSeconds(5)));
            }
        }
    }
}
