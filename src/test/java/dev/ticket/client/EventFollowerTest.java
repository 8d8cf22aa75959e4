package dev.ticket.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.ticket.model.Event;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The follower against a scripted event stream: what it sends on reconnect, and when it gives up. */
class EventFollowerTest {
    private final List<String> lastEventIds = new CopyOnWriteArrayList<>();
    private final List<String> accepts = new CopyOnWriteArrayList<>();
    private HttpServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    private TicketClient serve(String... streams) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/api/v1/events", exchange -> {
            lastEventIds.add(String.valueOf(exchange.getRequestHeaders().getFirst("Last-Event-ID")));
            accepts.add(exchange.getRequestHeaders().getFirst("Accept"));
            int n = Math.min(lastEventIds.size(), streams.length) - 1;
            send(exchange, streams[n]);
        });
        server.start();
        URI url = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
        return new HttpTicketClient(new ClientConfig(url, "t", Duration.ofSeconds(2), Duration.ofSeconds(5),
                new RetryPolicy(3, Duration.ofMillis(10), Duration.ofMillis(50), Duration.ofSeconds(2)), null));
    }

    private static void send(HttpExchange exchange, String body) throws IOException {
        exchange.getResponseHeaders().add("Content-Type", "text/event-stream");
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(200, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static String event(long id, long ticket) {
        return "id: " + id + "\nevent: status\ndata: {\"id\":" + id + ",\"kind\":\"status\",\"ticket_id\":" + ticket
                + ",\"status\":\"on_customer\"}\n\n";
    }

    @Test
    void a_dropped_stream_is_resumed_with_the_last_event_id() throws Exception {
        TicketClient client = serve(": hello\n\n" + event(5, 1), event(6, 2));
        List<Long> seen = new CopyOnWriteArrayList<>();
        boolean done = new EventFollower(client, null).follow(Duration.ofSeconds(10), (Event e) -> {
            seen.add(e.id());
            return e.ticketId() == 2;
        });
        assertTrue(done);
        assertEquals(List.of(5L, 6L), seen);
        assertEquals(List.of("null", "5"), lastEventIds);
        assertEquals("text/event-stream", accepts.get(0));
    }

    @Test
    void following_ends_false_when_the_timeout_passes_first() throws Exception {
        TicketClient client = serve(": nothing here\n\n");
        long start = System.nanoTime();
        boolean done = new EventFollower(client, 1L).follow(Duration.ofMillis(700), e -> true);
        long tookMs = (System.nanoTime() - start) / 1_000_000;
        assertFalse(done);
        assertTrue(tookMs >= 650 && tookMs < 5000, "took " + tookMs);
    }
}
