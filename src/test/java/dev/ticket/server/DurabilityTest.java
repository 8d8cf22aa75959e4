package dev.ticket.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ticket.model.NewMessage;
import dev.ticket.model.NewTicket;
import dev.ticket.model.Role;
import dev.ticket.model.Ticket;
import dev.ticket.testing.ApiClient;
import dev.ticket.testing.ServeProcess;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SPEC section 4, Durability: an acknowledged write survives a kill -9 of the process. */
class DurabilityTest {
    @TempDir
    Path dir;

    @Test
    void every_acknowledged_write_survives_sigkill_during_concurrent_writes() throws Exception {
        Path data = dir.resolve("data");
        Set<Long> ticketsAcked = ConcurrentHashMap.newKeySet();
        Map<Long, Long> messagesAcked = new ConcurrentHashMap<>();
        String customerToken;
        try (ServeProcess serve = ServeProcess.start(data)) {
            ApiClient admin = new ApiClient(serve.url(), serve.adminToken(data));
            customerToken = admin.addUser("writer", Role.CUSTOMER, "durable").token();
            ApiClient customer = new ApiClient(serve.url(), customerToken);
            AtomicBoolean stop = new AtomicBoolean();
            ExecutorService writers = Executors.newFixedThreadPool(4);
            for (int w = 0; w < 4; w++) {
                int writer = w;
                writers.submit(() -> write(customer, writer, stop, ticketsAcked, messagesAcked));
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (ticketsAcked.size() + messagesAcked.size() < 80 && System.nanoTime() < deadline) {
                Thread.sleep(5); // polling a condition with a deadline; the writers run meanwhile
            }
            serve.kill();
            stop.set(true);
            writers.shutdown();
            assertTrue(writers.awaitTermination(30, TimeUnit.SECONDS));
        }
        assertTrue(ticketsAcked.size() > 10, "the writers got going: " + ticketsAcked.size());
        try (ServeProcess again = ServeProcess.start(data)) {
            ApiClient customer = new ApiClient(again.url(), customerToken);
            for (long id : ticketsAcked) {
                customer.get("/tickets/" + id).expect(200);
            }
            for (Map.Entry<Long, Long> m : messagesAcked.entrySet()) {
                Ticket t = customer.get("/tickets/" + m.getValue()).expect(200).as(Ticket.class);
                assertTrue(t.messages().stream().anyMatch(x -> x.id() == m.getKey()), "message " + m.getKey());
            }
            System.out.printf("durability: %d tickets and %d messages acknowledged before SIGKILL; all %d found "
                    + "after restart%n", ticketsAcked.size(), messagesAcked.size(),
                    ticketsAcked.size() + messagesAcked.size());
        }
    }

    private static void write(ApiClient customer, int writer, AtomicBoolean stop, Set<Long> tickets,
                              Map<Long, Long> messages) {
        long last = -1;
        for (int i = 0; !stop.get(); i++) {
            try {
                if (last < 0 || i % 3 == 0) {
                    ApiClient.Reply r = customer.post("/tickets", new NewTicket("w" + writer + " #" + i, "body", null,
                            null, null, List.of(), List.of(), null));
                    if (r.status() == 201) {
                        last = r.as(Ticket.class).id();
                        tickets.add(last);
                    }
                } else {
                    ApiClient.Reply r = customer.post("/tickets/" + last + "/messages", new NewMessage("m" + i));
                    if (r.status() == 201) {
                        messages.put(r.json().get("id").asLong(), last);
                    }
                }
            } catch (UncheckedIOException | IllegalStateException e) {
                return; // the server is gone: whatever was acknowledged so far is what must survive
            }
        }
    }
}
