package dev.ticket.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ticket.model.NewUser;
import dev.ticket.model.Role;
import dev.ticket.model.User;
import dev.ticket.testing.ApiClient;
import dev.ticket.testing.H2Streams;
import dev.ticket.testing.ServeProcess;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * SPEC 7.1 over HTTP/2 cleartext on a real {@code ticket serve}: the port that serves HTTP/1.1 also takes h2c by
 * prior knowledge, and many event streams share one connection, with the same caps, delivery, slot freeing and
 * revocation as streams on connections of their own.
 */
class H2cStreamsTest {
    static final int PER_USER = 60;
    static ServeProcess serve;
    static ApiClient admin;
    static ApiClient agent;

    @BeforeAll
    static void start() throws Exception {
        serve = ServeProcess.start(Files.createTempDirectory("ticket-h2c-"),
                "--max-streams-per-user", String.valueOf(PER_USER));
        admin = serve.admin();
        agent = serve.client("Hana", Role.AGENT, null);
    }

    @AfterAll
    static void stop() {
        serve.close();
    }

    static User user(String name) {
        return admin.post("/users", new NewUser(name, Role.CUSTOMER, "h2")).expect(201).as(User.class);
    }

    @Test
    void one_h2c_connection_carries_two_users_streams_with_their_caps_delivery_freed_slots_and_revocation() {
        User ada = user("Ada");
        User bo = user("Bo");
        long ticket = new ApiClient(serve.url(), ada.token()).post("/tickets",
                "{\"title\":\"Over HTTP/2\",\"body\":\"first\"}").expect(201).json().get("id").asLong();
        try (H2Streams connection = H2Streams.connect(serve.url())) {
            List<H2Streams.Events> adas = new ArrayList<>();
            List<H2Streams.Events> bos = new ArrayList<>();
            for (int i = 0; i < PER_USER; i++) {
                adas.add(connection.open(ada.token(), null));
                bos.add(connection.open(bo.token(), null));
            }
            for (H2Streams.Events events : adas) {
                assertEquals(200, events.status());
                assertTrue(events.header("Content-Type").startsWith("text/event-stream"));
            }
            bos.forEach(events -> assertEquals(200, events.status()));
            assertEquals(2 * PER_USER, connection.openStreams(), "all streams share the one connection");

            // the per-user cap holds on HTTP/2 as on HTTP/1.1
            H2Streams.Events refused = connection.open(ada.token(), null);
            assertEquals(429, refused.status());
            assertTrue(Integer.parseInt(refused.header("Retry-After")) > 0);
            assertTrue(refused.awaitEnd(Duration.ofSeconds(5)));
            assertTrue(refused.text().contains("\"type\":\"too-many-streams\""), refused.text());

            // a reply reaches every stream on the connection; HTTP/1.1 on the same port goes on
            agent.post("/tickets/" + ticket + "/messages", "{\"body\":\"h2-marker-1\"}").expect(201);
            for (H2Streams.Events events : adas) {
                assertTrue(events.await("h2-marker-1", Duration.ofSeconds(5)), "an HTTP/2 stream missed the reply");
            }
            for (H2Streams.Events events : bos) {
                assertTrue(events.await("h2-marker-1", Duration.ofSeconds(5)), "an HTTP/2 stream missed the reply");
            }
            agent.get("/tickets/" + ticket).expect(200);

            // a stream the client cancels (RST_STREAM) frees its slot at once; the connection stays up
            adas.remove(0).cancel();
            assertTrue(ServeProcess.await(Duration.ofSeconds(1), () -> {
                H2Streams.Events again = connection.open(ada.token(), null);
                if (again.status() == 200) {
                    adas.add(again);
                    return true;
                }
                return false;
            }), "the cancelled stream's slot was not free within a second");

            // revoking Bo's tokens ends his streams within a second; Ada's streams on the same connection go on
            admin.delete("/tokens/" + bo.id()).expect(200);
            agent.post("/tickets/" + ticket + "/messages", "{\"body\":\"h2-marker-2\"}").expect(201);
            for (H2Streams.Events events : bos) {
                assertTrue(events.awaitEnd(Duration.ofSeconds(1)), "a revoked stream was open 1 s after revocation");
                assertFalse(events.text().contains("h2-marker-2"), "a revoked stream got a reply posted after it");
            }
            for (H2Streams.Events events : adas) {
                assertTrue(events.await("h2-marker-2", Duration.ofSeconds(5)));
            }
        }
    }
}
