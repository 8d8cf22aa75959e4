package dev.ticket.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ticket.model.Message;
import dev.ticket.model.NewMessage;
import dev.ticket.model.NewTicket;
import dev.ticket.model.Ticket;
import dev.ticket.testing.ApiClient;
import dev.ticket.testing.EventReader;
import dev.ticket.testing.PgCluster;
import dev.ticket.testing.PostgresAvailable;
import java.time.Duration;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * While PostgreSQL is away the nodes answer 503 problems and are not ready; when it is back they
 * recover by themselves, live events included. "Away" is this test's own database refusing
 * connections with the open ones cut; the machine's PostgreSQL keeps running.
 */
@ExtendWith(PostgresAvailable.class)
class DatabaseOutageTest {
    @RegisterExtension
    static final PgCluster cluster = PgCluster.perClass(2);

    @AfterAll
    static void databaseBack() {
        if (cluster.db() != null) {
            cluster.db().comeBack(); // in case a test failed while it was down
        }
    }

    static Ticket open(String title) {
        return cluster.customer(0).post("/tickets", new NewTicket(title, "x", null, null, null, null, null, null))
                .expect(201).as(Ticket.class);
    }

    @Test
    void requests_get_503_while_the_database_is_down_and_the_nodes_recover_when_it_returns() {
        ApiClient customer = cluster.customer(0);
        Ticket t = open("Before the outage");

        cluster.db().goDown();
        try {
            ApiClient.Reply list = customer.get("/tickets");
            assertEquals(503, list.status(), list.body());
            assertEquals("application/problem+json", list.header("Content-Type").split(";")[0]);
            assertEquals("unavailable", list.json().get("type").asText());
            ApiClient.Reply write = cluster.agent(1).post("/tickets/" + t.id() + "/messages",
                    new NewMessage("Lost?"));
            assertEquals(503, write.status(), write.body());
            for (int node = 0; node < 2; node++) {
                assertEquals(503, readyz(node).status());
            }
        } finally {
            cluster.db().comeBack();
        }

        for (int node = 0; node < 2; node++) {
            int n = node;
            waitFor(() -> readyz(n).status() == 200, Duration.ofSeconds(20), "node " + node + " ready again");
        }
        JsonNode shown = cluster.customer(1).get("/tickets/" + t.id()).expect(200).json();
        assertEquals(1, shown.get("message_count").asInt(), "the refused write left nothing behind");
    }

    @Test
    void live_events_cross_nodes_again_after_the_database_connections_were_cut() {
        Ticket t = open("Events after a cut");
        cluster.db().terminateConnections();
        for (int node = 0; node < 2; node++) {
            int n = node;
            waitFor(() -> readyz(n).status() == 200, Duration.ofSeconds(20), "node " + node + " ready again");
        }
        try (EventReader stream = EventReader.open(cluster.url(0), cluster.customer(0).token(), "ticket=" + t.id(), Map.of())) {
            Message reply = cluster.agent(1).post("/tickets/" + t.id() + "/messages",
                    new NewMessage("Still here")).expect(201).as(Message.class);
            stream.until(f -> f.json().path("message").path("id").asLong() == reply.id(), Duration.ofSeconds(10));
        }
    }

    static ApiClient.Reply readyz(int node) {
        return new ApiClient(cluster.url(node), null).get(cluster.url(node) + "/readyz");
    }

    static void waitFor(BooleanSupplier condition, Duration within, String what) {
        long deadline = System.nanoTime() + within.toNanos();
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, "timed out waiting for " + what);
            Thread.onSpinWait();
        }
    }
}
