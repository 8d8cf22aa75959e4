package dev.ticket.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ticket.model.Hours;
import dev.ticket.model.Json;
import dev.ticket.model.Limits;
import dev.ticket.model.Message;
import dev.ticket.model.NewAssignee;
import dev.ticket.model.NewMessage;
import dev.ticket.model.NewTicket;
import dev.ticket.model.NewUser;
import dev.ticket.model.TerminalText;
import dev.ticket.model.Ticket;
import dev.ticket.model.TicketPage;
import dev.ticket.model.Topics;
import dev.ticket.model.User;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.net.URIBuilder;

/**
 * The ticket service's API ({@code /api/v1}) as Java calls returning the shared model records.
 * Errors arrive as {@link ApiException} subtypes; safe requests are retried (see {@link RetryPolicy}).
 */
public final class TicketClient implements Closeable {
    private final ClientConfig config;
    private final HttpTransport transport;

    public TicketClient(ClientConfig config) {
        this.config = config;
        this.transport = new HttpTransport(config);
    }

    /**
     * Start-up work a command can have done on another thread while it parses its arguments: the HTTP client's
     * classes, and how the records it will read are read ({@link JsonRecords}).
     */
    public static void warmUp(List<Class<?>> reads) {
        JsonRecords.warmUp(reads);
        HttpTransport.warmUp();
    }

    public ClientConfig config() {
        return config;
    }

    /** A fresh random idempotency key: the same key on a resent request returns the first answer. */
    public static String newIdempotencyKey() {
        return UUID.randomUUID().toString();
    }

    /** Opens a ticket (or merges it into an open one with the same dedupe key: {@code deduplicated} is then true). */
    public Ticket createTicket(NewTicket ticket, String idempotencyKey) {
        return post("/tickets", cleaned(ticket), idempotencyKey, Ticket.class);
    }

    /** One page of tickets, newest activity first. */
    public TicketPage listTickets(TicketQuery query, int limit, String cursor) {
        return listTickets(query, limit, cursor, false);
    }

    /**
     * One page of tickets; with {@code total} the page also says how many tickets match on all pages
     * ({@link TicketPage#total()}, null from a service too old to count).
     */
    public TicketPage listTickets(TicketQuery query, int limit, String cursor, boolean total) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("status", query.status() == null ? "all" : query.status().wire());
        put(params, "q", query.text());
        if (query.unreadOnly()) {
            params.put("unread", "true");
        }
        put(params, "type", query.type() == null ? null : query.type().wire());
        put(params, "label", query.label());
        put(params, "awaiting", query.awaiting() == null ? null : query.awaiting().wire());
        put(params, "sort", query.sort() == null ? null : query.sort().wire());
        put(params, "account", query.account());
        put(params, "assignee", query.assignee());
        if (query.overdue()) {
            params.put("overdue", "true");
        }
        params.put("limit", Integer.toString(limit));
        put(params, "cursor", cursor);
        if (total) {
            params.put("total", "true");
        }
        return get(uri("/tickets", params), TicketPage.class);
    }

    /** The ticket with all its messages. */
    public Ticket getTicket(long id) {
        return get(uri("/tickets/" + id, Map.of()), Ticket.class);
    }

    /** Opens a ticket whose first message carries {@code files}, streamed from disk. */
    public Ticket createTicket(NewTicket ticket, List<Path> files, String idempotencyKey, TransferProgress progress) {
        return createTicketWith(ticket, parts(files), idempotencyKey, progress);
    }

    /** Opens a ticket whose first message carries {@code files}, each under its name ({@link FilePart}). */
    public Ticket createTicketWith(NewTicket ticket, List<FilePart> files, String idempotencyKey,
                                   TransferProgress progress) {
        if (files.isEmpty()) {
            return createTicket(ticket, idempotencyKey);
        }
        NewTicket sent = cleaned(ticket);
        return upload("/tickets", () -> MultipartBodies.ticket(sent, files, progress), idempotencyKey, progress,
                Ticket.class);
    }

    /** Adds a message carrying {@code files} (the body may be empty), streamed from disk. */
    public Message reply(long ticketId, String body, List<Path> files, String idempotencyKey,
                         TransferProgress progress) {
        return replyWith(ticketId, body, parts(files), idempotencyKey, progress);
    }

    /** Adds a message carrying {@code files}, each under its name ({@link FilePart}); the body may be empty. */
    public Message replyWith(long ticketId, String body, List<FilePart> files, String idempotencyKey,
                             TransferProgress progress) {
        if (files.isEmpty()) {
            return reply(ticketId, new NewMessage(body), idempotencyKey);
        }
        String sent = TerminalText.clean(body);
        return upload("/tickets/" + ticketId + "/messages", () -> MultipartBodies.message(sent, files, progress),
                idempotencyKey, progress, Message.class);
    }

    private static List<FilePart> parts(List<Path> files) {
        return files.stream().map(FilePart::of).toList();
    }

    /** What one message may carry; null from a service too old to say. */
    public Limits limits() {
        try {
            return get(uri("/limits", Map.of()), Limits.class);
        } catch (NotFoundException e) {
            return null;
        }
    }

    /**
     * Streams an attachment's bytes into {@code sink} (never all in memory) and returns how many came.
     * The caller checks them against the attachment's {@code sha256}.
     */
    public long download(long attachmentId, OutputStream sink, TransferProgress progress) {
        var request = transport.build(new HttpTransport.Request("GET", uri("/attachments/" + attachmentId, Map.of()),
                Map.of("Accept", "*/*"), null), null);
        try (ClassicHttpResponse response = transport.open(request);
             InputStream in = response.getEntity().getContent()) {
            progress.start("download", response.getEntity().getContentLength());
            byte[] buffer = new byte[256 * 1024];
            long total = 0;
            for (int n; (n = in.read(buffer)) >= 0; ) {
                write(sink, buffer, n);
                total += n;
                progress.advance(n);
            }
            return total;
        } catch (IOException e) {
            throw new UnavailableException("the download of attachment " + attachmentId + " broke off: "
                    + e.getMessage(), null, e);
        } finally {
            progress.finish();
        }
    }

    /** A failure to write locally is the caller's (disk full...), not the service's. */
    private static void write(OutputStream sink, byte[] buffer, int length) {
        try {
            sink.write(buffer, 0, length);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private <T> T upload(String path, Supplier<HttpEntity> body, String idempotencyKey, TransferProgress progress,
                         Class<T> type) {
        Supplier<HttpEntity> started = () -> {
            HttpEntity entity = body.get();
            progress.start("upload", entity.getContentLength());
            return entity;
        };
        try {
            HttpTransport.Answer answer = transport.exchange(new HttpTransport.Request("POST", uri(path, Map.of()),
                    jsonHeaders(idempotencyKey), null, started));
            return parse(answer.body(), type);
        } finally {
            progress.finish();
        }
    }

    public Message reply(long ticketId, NewMessage message, String idempotencyKey) {
        return post("/tickets/" + ticketId + "/messages", new NewMessage(TerminalText.clean(message.body())),
                idempotencyKey, Message.class);
    }

    /**
     * The ticket's text as it is sent (rules.md, contract): a CI log's colours and cursor moves, carriage returns and
     * other control characters left out of title, message and topic; the one place the CLI and the chat view
     * send text through.
     */
    private static NewTicket cleaned(NewTicket t) {
        return new NewTicket(TerminalText.clean(t.title()), TerminalText.clean(t.body()), t.type(),
                TerminalText.clean(t.about()), t.dialogUrl(), t.refs(), t.labels(), t.dedupeKey());
    }

    /** Sets the ticket Done (final, rules.md R4). */
    public Ticket close(long ticketId, String idempotencyKey) {
        return post("/tickets/" + ticketId + "/close", null, idempotencyKey, Ticket.class);
    }

    /** Marks the ticket read up to its newest message for the caller. */
    public Ticket markRead(long ticketId, String idempotencyKey) {
        return post("/tickets/" + ticketId + "/read", null, idempotencyKey, Ticket.class);
    }

    public User me() {
        return get(uri("/me", Map.of()), User.class);
    }

    /** The team only: assigns the ticket to the agent {@code userId}. */
    public Ticket assign(long ticketId, long userId) {
        return send("PUT", "/tickets/" + ticketId + "/assignee", new NewAssignee(userId), null, Ticket.class);
    }

    /** The team only: assigns the ticket to nobody. */
    public Ticket unassign(long ticketId) {
        return send("DELETE", "/tickets/" + ticketId + "/assignee", null, null, Ticket.class);
    }

    /** The team only: the support team's users (agents and admins), to choose an assignee by name. */
    public List<User> agents() {
        JsonNode page = get(uri("/agents", Map.of()), JsonNode.class);
        List<User> users = new ArrayList<>();
        for (JsonNode item : page.path("items")) {
            users.add(convert(item, User.class));
        }
        return users;
    }

    public Hours hours() {
        return get(uri("/hours", Map.of()), Hours.class);
    }

    public Topics topics() {
        return get(uri("/topics", Map.of()), Topics.class);
    }

    /** Admin: creates a user; the answer carries its token, shown this once. */
    public User createUser(NewUser user, String idempotencyKey) {
        return post("/users", user, idempotencyKey, User.class);
    }

    /** Admin: every user. */
    public List<User> users() {
        JsonNode page = get(uri("/users", Map.of()), JsonNode.class);
        List<User> users = new ArrayList<>();
        for (JsonNode item : page.path("items")) {
            users.add(convert(item, User.class));
        }
        return users;
    }

    /** Admin: issues another token for a user; the answer carries it, shown this once. */
    public User issueToken(long userId, String idempotencyKey) {
        return post("/users/" + userId + "/tokens", null, idempotencyKey, User.class);
    }

    /** Admin: revokes every token of a user. */
    public void revokeTokens(long userId) {
        transport.exchange(new HttpTransport.Request("DELETE", uri("/tokens/" + userId, Map.of()), jsonHeaders(null),
                null));
    }

    /** Opens the live event stream, optionally for one ticket and resuming after {@code lastEventId}. */
    public EventStream openEvents(Long ticketId, String lastEventId, Duration readTimeout) {
        Map<String, String> params = new LinkedHashMap<>();
        put(params, "ticket", ticketId == null ? null : ticketId.toString());
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Accept", "text/event-stream");
        put(headers, "Last-Event-ID", lastEventId);
        var request = transport.build(new HttpTransport.Request("GET", uri("/events", params), headers, null),
                readTimeout);
        return new EventStream(request, transport.open(request));
    }

    private <T> T get(URI uri, Class<T> type) {
        HttpTransport.Answer answer = transport.exchange(new HttpTransport.Request("GET", uri, jsonHeaders(null),
                null));
        return parse(answer.body(), type);
    }

    private <T> T post(String path, Object body, String idempotencyKey, Class<T> type) {
        return send("POST", path, body, idempotencyKey, type);
    }

    private <T> T send(String method, String path, Object body, String idempotencyKey, Class<T> type) {
        byte[] json = null;
        try {
            json = body == null ? null : JsonRecords.write(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        HttpTransport.Answer answer = transport.exchange(
                new HttpTransport.Request(method, uri(path, Map.of()), jsonHeaders(idempotencyKey), json));
        return parse(answer.body(), type);
    }

    private static Map<String, String> jsonHeaders(String idempotencyKey) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Accept", "application/json");
        put(headers, "Idempotency-Key", idempotencyKey);
        return headers;
    }

    private URI uri(String path, Map<String, String> params) {
        try {
            String base = config.server().toString().replaceAll("/+$", "");
            URIBuilder builder = new URIBuilder(base + "/api/v1" + path);
            params.forEach(builder::addParameter);
            return builder.build();
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("not a usable server URL: " + config.server(), e);
        }
    }

    /** The model's records are read without the mapper (see {@link JsonRecords}); anything else with it. */
    private static <T> T parse(byte[] body, Class<T> type) {
        try {
            return JsonRecords.handles(type) ? JsonRecords.read(body, type) : mapper().readValue(body, type);
        } catch (IOException e) {
            throw new ApiException("the service sent an answer this client cannot read: " + e.getMessage(),
                    null, e);
        }
    }

    private static <T> T convert(JsonNode node, Class<T> type) {
        try {
            return mapper().treeToValue(node, type);
        } catch (IOException e) {
            throw new ApiException("the service sent an answer this client cannot read", null, e);
        }
    }

    private static void put(Map<String, String> map, String key, String value) {
        if (value != null && !value.isEmpty()) {
            map.put(key, value);
        }
    }

    private static ObjectMapper mapper() {
        return Json.mapper();
    }

    @Override
    public void close() {
        transport.close();
    }
}
