package dev.ticket.client;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ticket.model.AuditEntry;
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
import dev.ticket.model.TokenInfo;
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
 * The {@link TicketClient} over HTTP: the ticket service's API ({@code /api/v1}), JSON through {@link ClientJson}.
 * Errors arrive as {@link ApiException} subtypes; safe requests are retried (see {@link RetryPolicy}).
 */
public final class HttpTicketClient implements TicketClient {
    private final ClientConfig config;
    private final HttpTransport transport;

    public HttpTicketClient(ClientConfig config) {
        this.config = config;
        this.transport = new HttpTransport(config);
    }

    /** Start-up work a command can have done on another thread while it parses its arguments: the HTTP client's classes. */
    public static void warmUp() {
        HttpTransport.warmUp();
    }

    @Override
    public ClientConfig config() {
        return config;
    }

    @Override
    public Ticket createTicket(NewTicket ticket, String idempotencyKey) {
        return post("/tickets", cleaned(ticket), idempotencyKey, Ticket.class);
    }

    @Override
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

    @Override
    public Ticket getTicket(long id) {
        return get(uri("/tickets/" + id, Map.of()), Ticket.class);
    }

    @Override
    public Ticket createTicketWith(NewTicket ticket, List<FilePart> files, String idempotencyKey,
                                   TransferProgress progress) {
        if (files.isEmpty()) {
            return createTicket(ticket, idempotencyKey);
        }
        NewTicket sent = cleaned(ticket);
        return upload("/tickets", () -> MultipartBodies.ticket(sent, files, progress), idempotencyKey, progress,
                Ticket.class);
    }

    @Override
    public Message replyWith(long ticketId, String body, List<FilePart> files, String idempotencyKey,
                             TransferProgress progress) {
        if (files.isEmpty()) {
            return reply(ticketId, new NewMessage(body), idempotencyKey);
        }
        String sent = TerminalText.clean(body);
        return upload("/tickets/" + ticketId + "/messages", () -> MultipartBodies.message(sent, files, progress),
                idempotencyKey, progress, Message.class);
    }

    @Override
    public Limits limits() {
        try {
            return get(uri("/limits", Map.of()), Limits.class);
        } catch (NotFoundException e) {
            return null;
        }
    }

    @Override
    public long download(long attachmentId, OutputStream sink, TransferProgress progress) {
        return stream("/attachments/" + attachmentId, "the download of attachment " + attachmentId, sink, progress);
    }

    @Override
    public long backup(OutputStream sink, TransferProgress progress) {
        return stream("/admin/backup", "the backup download", sink, progress);
    }

    private long stream(String path, String what, OutputStream sink, TransferProgress progress) {
        var request = transport.build(new HttpTransport.Request("GET", uri(path, Map.of()),
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
            throw new UnavailableException(what + " broke off: " + e.getMessage(), null, e);
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
            HttpAnswer answer = transport.exchange(new HttpTransport.Request("POST", uri(path, Map.of()),
                    jsonHeaders(idempotencyKey), null, started));
            return parse(answer.body(), type);
        } finally {
            progress.finish();
        }
    }

    @Override
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

    @Override
    public Ticket close(long ticketId, String idempotencyKey) {
        return post("/tickets/" + ticketId + "/close", null, idempotencyKey, Ticket.class);
    }

    @Override
    public Ticket markRead(long ticketId, String idempotencyKey) {
        return post("/tickets/" + ticketId + "/read", null, idempotencyKey, Ticket.class);
    }

    @Override
    public User me() {
        return get(uri("/me", Map.of()), User.class);
    }

    @Override
    public Ticket assign(long ticketId, long userId) {
        return send("PUT", "/tickets/" + ticketId + "/assignee", new NewAssignee(userId), null, Ticket.class);
    }

    @Override
    public Ticket unassign(long ticketId) {
        return send("DELETE", "/tickets/" + ticketId + "/assignee", null, null, Ticket.class);
    }

    @Override
    public List<User> agents() {
        return items(uri("/agents", Map.of()), User.class);
    }

    @Override
    public Hours hours() {
        return get(uri("/hours", Map.of()), Hours.class);
    }

    @Override
    public Topics topics() {
        return get(uri("/topics", Map.of()), Topics.class);
    }

    @Override
    public User createUser(NewUser user, String idempotencyKey) {
        return post("/users", user, idempotencyKey, User.class);
    }

    @Override
    public List<User> users() {
        return items(uri("/users", Map.of()), User.class);
    }

    @Override
    public User issueToken(long userId, Long expiresInSeconds, String idempotencyKey) {
        String expiry = expiresInSeconds == null ? "" : "?expires_in=" + expiresInSeconds;
        return post("/users/" + userId + "/tokens" + expiry, null, idempotencyKey, User.class);
    }

    @Override
    public List<TokenInfo> tokens() {
        return items(uri("/admin/tokens", Map.of()), TokenInfo.class);
    }

    @Override
    public List<AuditEntry> audit(int limit) {
        return items(uri("/admin/audit", Map.of("limit", Integer.toString(limit))),
                AuditEntry.class);
    }

    @Override
    public User setUserDisabled(long userId, boolean disabled) {
        return post("/users/" + userId + (disabled ? "/disable" : "/enable"), null, null, User.class);
    }

    @Override
    public Redaction redact(long messageId) {
        HttpAnswer answer = transport.exchange(new HttpTransport.Request("POST",
                uri("/messages/" + messageId + "/redact", Map.of()), jsonHeaders(null), null));
        return new Redaction(parse(answer.body(), Message.class),
                "earlier".equals(answer.header("Ticket-Redaction")));
    }

    /** A page of {@code type}s ({@code {"items": [...]}}), read by jackson-jr like every other answer. */
    private <T> List<T> items(URI uri, Class<T> type) {
        HttpAnswer answer = transport.exchange(new HttpTransport.Request("GET", uri, jsonHeaders(null), null));
        try {
            return ClientJson.readItems(answer.body(), type);
        } catch (IOException e) {
            throw notTheTicketApi(e);
        }
    }


    @Override
    public void revokeTokens(long userId) {
        transport.exchange(new HttpTransport.Request("DELETE", uri("/tokens/" + userId, Map.of()), jsonHeaders(null),
                null));
    }

    @Override
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
        HttpAnswer answer = transport.exchange(new HttpTransport.Request("GET", uri, jsonHeaders(null),
                null));
        return parse(answer.body(), type);
    }

    private <T> T post(String path, Object body, String idempotencyKey, Class<T> type) {
        return send("POST", path, body, idempotencyKey, type);
    }

    private <T> T send(String method, String path, Object body, String idempotencyKey, Class<T> type) {
        byte[] json = null;
        try {
            json = body == null ? null : ClientJson.write(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        HttpAnswer answer = transport.exchange(
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

    /** The model's records are read without the mapper (see {@link ClientJson}); anything else with it. */
    private <T> T parse(byte[] body, Class<T> type) {
        try {
            T value = ClientJson.handles(type) ? ClientJson.read(body, type) : mapper().readValue(body, type);
            if (value instanceof TicketPage page && page.items() == null) {
                throw new IOException("no items in the page");
            }
            return value;
        } catch (IOException e) {
            throw notTheTicketApi(e);
        }
    }

    /**
     * A 2xx answer that is well-formed JSON but none of the ticket API's documents came from some other JSON API:
     * the URL is wrong (exit 6), as with a web page there. Text that is not JSON at all, sent as JSON, is a
     * service failing in a way nobody expected (exit 1).
     */
    private ApiException notTheTicketApi(IOException e) {
        if (e instanceof com.fasterxml.jackson.core.JsonParseException) {
            return new ApiException("the service sent an answer this client cannot read: " + e.getMessage(), null, e);
        }
        String why = String.valueOf(e.getMessage()).lines().findFirst().orElse("");
        why = why.length() > 120 ? why.substring(0, 120) + "..." : why;
        return new NotATicketServiceException(config.server(), "its JSON is no ticket API answer: " + why, e);
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
