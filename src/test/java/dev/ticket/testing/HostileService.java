package dev.ticket.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.ticket.model.Attachment;
import dev.ticket.model.Author;
import dev.ticket.model.Awaiting;
import dev.ticket.model.Hours;
import dev.ticket.model.Json;
import dev.ticket.model.Message;
import dev.ticket.model.Problem;
import dev.ticket.model.Role;
import dev.ticket.model.Status;
import dev.ticket.model.Ticket;
import dev.ticket.model.TicketPage;
import dev.ticket.model.TicketType;
import dev.ticket.model.User;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

/**
 * A fake that answers like the ticket API, on a loopback port, with text meant to take over a terminal: ESC
 * sequences (clear screen, window title by OSC, colours), BEL, 8-bit CSI and a bidi override in titles,
 * names, bodies, file names and problem details. Ticket 1 exists; any other ticket is a 404 whose detail
 * is just as hostile. Events stay open and quiet.
 */
public final class HostileService implements AutoCloseable {
    /** Each kind of hostile text, in one string. */
    public static final String EVIL = "A\u001b[2J\u001b]0;pwned\u0007B\u009b31mC\u202eD\u0085E\rF";
    public static final Instant AT = Instant.parse("2026-12-01T10:00:00Z");

    private final HttpServer server;

    private HostileService(HttpServer server) {
        this.server = server;
    }

    public static HostileService start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool(r -> {
                Thread t = new Thread(r, "hostile-service");
                t.setDaemon(true);
                return t;
            }));
            HostileService fake = new HostileService(server);
            server.createContext("/", fake::answer);
            server.start();
            return fake;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public static User user() {
        return new User(7, "Eve " + EVIL, Role.AGENT, "acct " + EVIL, null);
    }

    public static Ticket ticket() {
        Author author = new Author(7, "Eve " + EVIL, Role.CUSTOMER);
        Attachment file = new Attachment(3, "shot " + EVIL + ".png", "image/png", 2048, "0".repeat(64));
        Message message = new Message(11, 1, author, "body " + EVIL + "\nsecond line", AT, List.of(file));
        return new Ticket(1, "Title " + EVIL, Status.ON_CUSTOMER, TicketType.QUESTION, "about " + EVIL,
                "https://example.com/" + "%1b", "acct " + EVIL, author, AT, AT, null, null, Awaiting.TEAM, 1, 1,
                List.of(), List.of("label"), List.of(message), null);
    }

    private void answer(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        try (exchange) {
            if (path.equals("/api/v1/events")) {
                exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
                exchange.sendResponseHeaders(200, 0);
                exchange.getResponseBody().write(": quiet\n\n".getBytes(StandardCharsets.UTF_8));
                exchange.getResponseBody().flush();
                sleepQuietly();
                return;
            }
            Object body;
            if (path.equals("/api/v1/me")) {
                body = user();
            } else if (path.equals("/api/v1/tickets")) {
                Ticket t = ticket();
                body = new TicketPage(List.of(t.withMessages(List.of())), null, null);
            } else if (path.equals("/api/v1/tickets/1")) {
                body = ticket();
            } else if (path.equals("/api/v1/tickets/1/read")) {
                body = ticket();
            } else if (path.equals("/api/v1/hours")) {
                body = new Hours("Europe/Moscow", "09:00", "19:00", List.of("mon"), List.of("2026-12-31 " + EVIL),
                        true, AT, AT, AT.plusSeconds(3600));
            } else {
                send(exchange, 404, "application/problem+json", new Problem("not-found", "Not " + EVIL, 404,
                        "Ticket " + EVIL + " was not found.", path));
                return;
            }
            send(exchange, 200, "application/json", body);
        }
    }

    private static void send(HttpExchange exchange, int status, String type, Object body) throws IOException {
        byte[] bytes = Json.mapper().writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static void sleepQuietly() {
        try {
            Thread.sleep(60_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
