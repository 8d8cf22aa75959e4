package dev.ticket.tui;

import static org.junit.jupiter.api.Assertions.fail;

import dev.ticket.app.TicketApp;
import dev.ticket.client.ClientConfig;
import dev.ticket.client.HttpTicketClient;
import dev.ticket.client.TicketClient;
import dev.ticket.model.Event;
import dev.ticket.model.NewMessage;
import dev.ticket.model.NewTicket;
import dev.ticket.model.NewUser;
import dev.ticket.model.Role;
import dev.ticket.model.Ticket;
import dev.ticket.model.User;
import dev.ticket.server.ServerSettings;
import dev.ticket.testing.ApiClient;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The view's event stream against a real service that goes away and comes back on the same port. */
class LiveEventsTest {
    private static final Duration PATIENCE = Duration.ofSeconds(20);

    @TempDir
    Path dataDir;

    private final List<String> heard = new CopyOnWriteArrayList<>();

    @Test
    void the_stream_reports_a_lost_service_and_resumes_when_it_is_back() throws Exception {
        ServerSettings settings = ServerSettings.sqlite(dataDir, freePort());
        TicketApp app = TicketApp.start(settings);
        ApiClient admin = new ApiClient(app.url(), Files.readString(dataDir.resolve(TicketApp.ADMIN_TOKEN_FILE)).strip());
        User alice = admin.post("/users", new NewUser("Alice", Role.CUSTOMER, "acme")).expect(201).as(User.class);
        User bob = admin.post("/users", new NewUser("Bob", Role.AGENT, null)).expect(201).as(User.class);
        Ticket ticket = new ApiClient(app.url(), alice.token()).post("/tickets", new NewTicket("Title", "Body",
                null, null, null, List.of(), List.of(), null)).expect(201).as(Ticket.class);
        String url = app.url();
        try (TicketClient client = new HttpTicketClient(ClientConfig.of(URI.create(url), alice.token()));
             AutoCloseable events = new ClientBackend(client).events(new Recorder())) {
            await("connected", () -> heard.contains("up"));
            new ApiClient(url, bob.token()).post("/tickets/" + ticket.id() + "/messages", new NewMessage("first"))
                    .expect(201);
            await("the first answer arrives live", () -> heard.contains("message:first"));

            app.close();
            await("the loss is reported", () -> heard.contains("down"));

            app = TicketApp.start(settings);
            await("reconnected", () -> heard.lastIndexOf("up") > heard.indexOf("down"));
            new ApiClient(url, bob.token()).post("/tickets/" + ticket.id() + "/messages", new NewMessage("second"))
                    .expect(201);
            await("events flow again", () -> heard.contains("message:second"));
        } finally {
            app.close();
        }
    }

    private final class Recorder implements TuiBackend.EventListener {
        @Override
        public void onEvent(Event event) {
            heard.add(event.kind() + (event.message() == null ? "" : ":" + event.message().body()));
        }

        @Override
        public void onConnection(boolean up, String detail) {
            heard.add(up ? "up" : "down");
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private void await(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                fail("not within " + PATIENCE.toSeconds() + " s: " + what + "; heard " + heard);
            }
            LockSupport.parkNanos(20_000_000);
        }
    }
}
