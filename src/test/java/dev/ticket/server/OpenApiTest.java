package dev.ticket.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import dev.ticket.model.Role;
import dev.ticket.testing.ApiClient;
import dev.ticket.testing.EventReader;
import dev.ticket.testing.MultipartBody;
import dev.ticket.testing.TestService;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code openapi.yaml} describes exactly the routes the server registers, and the JSON they really send. */
class OpenApiTest {
    @RegisterExtension
    static final TestService service = TestService.perClass();
    static ApiClient customer;
    static ApiClient agent;
    static OpenApiDocument doc;
    static final List<String> problems = new ArrayList<>();
    static final Set<String> exercised = new TreeSet<>();

    @BeforeAll
    static void start() {
        customer = service.customer();
        agent = service.agent();
        doc = OpenApiDocument.load();
    }

    static Set<String> registered() {
        return service.app().server().routes().stream()
                .map(r -> r.method().name() + " " + r.path()).collect(Collectors.toCollection(TreeSet::new));
    }

    @Test
    void every_registered_route_is_in_the_openapi_file_and_the_file_has_no_other() {
        Set<String> missing = new TreeSet<>(registered());
        missing.removeAll(doc.operations());
        Set<String> extra = new TreeSet<>(doc.operations());
        extra.removeAll(registered());
        assertEquals(Set.of(), missing, "routes the server registers but openapi.yaml does not describe");
        assertEquals(Set.of(), extra, "operations in openapi.yaml that the server does not register");
        assertEquals("3.1.0", doc.root.get("openapi").asText());
    }

    @Test
    void every_reference_resolves_and_every_non_public_route_requires_the_bearer_token() {
        doc.references().forEach(doc::pointer);
        assertEquals("bearer", doc.root.at("/components/securitySchemes/bearer/scheme").asText());
        assertTrue(doc.root.at("/security/0").has("bearer"));
        for (Route route : service.app().server().routes()) {
            JsonNode op = doc.operation(route.method().name(), route.path());
            boolean open = op.has("security") && op.get("security").isEmpty();
            assertEquals(route.access() == Access.PUBLIC, open, route.path() + " security");
            if (route.access() != Access.PUBLIC) {
                doc.responseSchema(route.method().name(), route.path(), 401, "application/problem+json");
            }
            if (route.access() == Access.ADMIN) {
                doc.responseSchema(route.method().name(), route.path(), 403, "application/problem+json");
            }
        }
    }

    @Test
    void request_schemas_have_the_fields_of_the_records_the_server_reads() {
        assertEquals(fields(dev.ticket.model.NewTicket.class), doc.properties("NewTicket"));
        assertEquals(fields(dev.ticket.model.NewMessage.class), doc.properties("NewMessage"));
        assertEquals(fields(dev.ticket.model.NewUser.class), doc.properties("NewUser"));
        assertEquals(fields(dev.ticket.model.NewAssignee.class), doc.properties("NewAssignee"));
        Set<String> form = new TreeSet<>(Uploads.TICKET_FIELDS);
        form.add(MultipartReceiver.FILE_PART);
        assertEquals(form, new TreeSet<>(doc.properties("NewTicketForm")), "multipart fields of POST /tickets");
        assertEquals(new TreeSet<>(fields(dev.ticket.model.NewTicket.class)), new TreeSet<>(Uploads.TICKET_FIELDS));
        Set<String> reply = new TreeSet<>(Uploads.MESSAGE_FIELDS);
        reply.add(MultipartReceiver.FILE_PART);
        assertEquals(reply, new TreeSet<>(doc.properties("NewMessageForm")), "multipart fields of a reply");
        for (Class<?> record : List.of(dev.ticket.model.Ticket.class, dev.ticket.model.Message.class,
                dev.ticket.model.Attachment.class, dev.ticket.model.Author.class, dev.ticket.model.TicketPage.class,
                dev.ticket.model.User.class, dev.ticket.model.Hours.class, dev.ticket.model.Topics.class, dev.ticket.model.Limits.class,
                dev.ticket.model.Event.class, dev.ticket.model.Problem.class, dev.ticket.model.TokenInfo.class,
                dev.ticket.model.AuditEntry.class)) {
            assertEquals(fields(record), doc.properties(record.getSimpleName()), record.getSimpleName());
        }
    }

    @Test
    void every_route_answers_with_exactly_the_fields_its_documented_schema_declares() {
        exerciseEveryRoute();
        assertEquals(List.of(), problems, "responses that differ from openapi.yaml");
        assertEquals(registered(), exercised, "every route is held against its documented response");
        for (String name : List.of("Ticket", "Message", "Attachment", "Author", "TicketPage", "User", "UserList",
                "Hours", "Topics", "Limits", "Event", "Problem", "Revoked", "Health", "TokenList", "TokenInfo",
                "AuditList", "AuditEntry")) {
            assertEquals(doc.properties(name), doc.seen.getOrDefault(name, Set.of()),
                    "fields of " + name + " declared in openapi.yaml vs. seen in real responses");
        }
    }

    private void exerciseEveryRoute() {
        ApiClient admin = service.admin();
        call(null, "GET", "/healthz", 200);
        call(null, "GET", "/readyz", 200);
        ApiClient.Reply metrics = admin.raw("GET", service.url() + "/metrics", null, null, Map.of()).expect(200);
        if (!metrics.header("Content-Type").startsWith("text/plain") || !metrics.body().contains("# TYPE ")) {
            problems.add("GET /metrics 200 is not the Prometheus text format: " + metrics.header("Content-Type"));
        }
        call(customer, "GET", "/metrics", 403);
        call(customer, "GET", "/api/v1/me", 200);
        call(customer, "GET", "/api/v1/hours", 200);
        call(customer, "GET", "/api/v1/topics", 200);
        call(customer, "GET", "/api/v1/limits", 200);
        String json = "{\"title\":\"Widget\",\"body\":\"It broke\",\"type\":\"critical\",\"about\":\"Finance\","
                + "\"dialog_url\":\"https://app.example.com/d/1\",\"labels\":[\"ci\"],\"dedupe_key\":\"nightly\"}";
        long first = send(customer, "POST", "/api/v1/tickets", 201, "application/json", json.getBytes(UTF8)).get("id")
                .asLong();
        JsonNode merged = send(customer, "POST", "/api/v1/tickets", 200, "application/json", json.getBytes(UTF8));
        assertTrue(merged.get("deduplicated").asBoolean());
        MultipartBody form = new MultipartBody().field("title", "With a file").field("body", "See the log")
                .field("refs", String.valueOf(first)).file("log.txt", "text/plain", "boom".getBytes(UTF8));
        long id = send(customer, "POST", "/api/v1/tickets", 201, form.contentType(), form.bytes()).get("id").asLong();
        MultipartBody reply = new MultipartBody().field("body", "And a screenshot")
                .file("shot.png", "image/png", new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10});
        long attachment = send(agent, "POST", "/api/v1/tickets/{id}/messages", 201, reply.contentType(),
                reply.bytes(), id).at("/attachments/0/id").asLong();
        long thanks = send(customer, "POST", "/api/v1/tickets/{id}/messages", 201, "application/json",
                "{\"body\":\"Thanks\"}".getBytes(UTF8), id).get("id").asLong();
        call(agent, "POST", "/api/v1/messages/{id}/redact", 200, thanks);
        call(customer, "GET", "/api/v1/tickets/{id}", 200, id);
        JsonNode page = call(customer, "GET", "/api/v1/tickets?limit=1", 200);
        assertTrue(!page.has("total"), "total only when asked for: " + page);
        JsonNode counted = call(customer, "GET", "/api/v1/tickets?limit=1&total=true", 200);
        assertEquals(customer.get("/tickets?limit=100").json().get("items").size(), counted.get("total").asLong());
        call(customer, "POST", "/api/v1/tickets/{id}/read", 200, id);
        JsonNode agents = call(agent, "GET", "/api/v1/agents", 200);
        long sam = agents.at("/items/0/id").asLong();
        JsonNode assigned = send(agent, "PUT", "/api/v1/tickets/{id}/assignee", 200, "application/json",
                ("{\"user_id\":" + sam + "}").getBytes(UTF8), id);
        assertEquals(sam, assigned.at("/assignee/id").asLong());
        call(customer, "GET", "/api/v1/tickets?sort=due&overdue=false", 200);
        call(agent, "GET", "/api/v1/tickets?sort=created&assignee=me&account=acme", 200);
        call(agent, "DELETE", "/api/v1/tickets/{id}/assignee", 200, id);
        send(agent, "PUT", "/api/v1/tickets/{id}/assignee", 200, "application/json",
                ("{\"user_id\":" + sam + "}").getBytes(UTF8), id);
        call(agent, "POST", "/api/v1/tickets/{id}/close", 200, id);
        ApiClient.Reply file = customer.get("/attachments/" + attachment).expect(200);
        assertEquals("nosniff", file.header("X-Content-Type-Options"));
        exercised.add("GET /api/v1/attachments/{id}");
        events(id);
        call(admin, "GET", "/api/v1/users", 200);
        long user = send(admin, "POST", "/api/v1/users", 201, "application/json",
                "{\"name\":\"New\",\"role\":\"customer\",\"account\":\"acme\"}".getBytes(UTF8)).get("id").asLong();
        call(admin, "POST", "/api/v1/users/{id}/tokens", 201, user);
        call(admin, "POST", "/api/v1/users/{id}/tokens?expires_in=3600", 201, user);
        call(admin, "DELETE", "/api/v1/tokens/{id}", 200, user);
        call(admin, "POST", "/api/v1/users/{id}/disable", 200, user);
        call(admin, "POST", "/api/v1/users/{id}/enable", 200, user);
        call(admin, "GET", "/api/v1/admin/tokens", 200);
        call(admin, "POST", "/api/v1/users/{id}/disable", 200, user); // its tokens show user_disabled_at
        call(admin, "GET", "/api/v1/admin/tokens", 200);
        call(admin, "POST", "/api/v1/users/{id}/enable", 200, user);
        call(admin, "GET", "/api/v1/admin/audit?limit=20", 200);
        ApiClient.Reply backup = admin.get("/admin/backup").expect(200);
        assertEquals("application/x-tar", backup.header("Content-Type"));
        doc.responseSchema("GET", "/api/v1/admin/backup", 200, "application/x-tar");
        exercised.add("GET /api/v1/admin/backup");
        refusals(id, user);
    }

    private void refusals(long closedTicket, long user) {
        call(customer, "GET", "/api/v1/tickets/{id}", 404, 999_999);
        call(customer, "GET", "/api/v1/tickets/{id}", 400, "abc");
        call(null, "GET", "/api/v1/me", 401);
        call(customer, "GET", "/api/v1/users", 403);
        call(customer, "POST", "/api/v1/messages/{id}/redact", 403, 1);
        call(agent, "POST", "/api/v1/messages/{id}/redact", 404, 999_999);
        call(agent, "GET", "/api/v1/admin/audit", 403);
        call(customer, "GET", "/api/v1/agents", 403);
        call(customer, "DELETE", "/api/v1/tickets/{id}/assignee", 403, closedTicket);
        send(agent, "PUT", "/api/v1/tickets/{id}/assignee", 409, "application/json",
                ("{\"user_id\":" + user + "}").getBytes(UTF8), closedTicket);
        call(customer, "GET", "/api/v1/tickets?assignee=none", 422);
        call(agent, "GET", "/api/v1/tickets?assignee=x1", 400);
        send(customer, "POST", "/api/v1/tickets/{id}/messages", 409, "application/json",
                "{\"body\":\"more\"}".getBytes(UTF8), closedTicket);
        send(customer, "POST", "/api/v1/tickets", 422, "application/json", "{\"title\":\"\"}".getBytes(UTF8));
        send(customer, "POST", "/api/v1/tickets", 415, "text/plain", "hello".getBytes(UTF8));
        send(customer, "POST", "/api/v1/tickets", 400, "application/json", "{".getBytes(UTF8));
        call(customer, "GET", "/api/v1/tickets?status=open", 422);
        call(customer, "GET", "/api/v1/attachments/{id}", 404, 999_999);
        call(agent, "DELETE", "/api/v1/tokens/{id}", 403, user);
        call(agent, "GET", "/api/v1/admin/backup", 403);
        call(service.admin(), "POST", "/api/v1/users/{id}/tokens", 404, 999_999);
    }

    private void events(long ticketId) {
        try (EventReader reader = EventReader.open(service.url(), customer.token(), "after=0", Map.of())) {
            assertEquals(200, reader.status());
            assertTrue(reader.header("Content-Type").startsWith("text/event-stream"));
            JsonNode schema = doc.responseSchema("GET", "/api/v1/events", 200, "text/event-stream");
            for (EventReader.Frame frame : reader.until(f -> f.json().path("kind").asText().equals("status")
                    && f.json().path("ticket_id").asLong() == ticketId, Duration.ofSeconds(10))) {
                problems.addAll(doc.check(schema, frame.json(), "event " + frame.id()));
                assertEquals(frame.event(), frame.json().get("kind").asText());
                assertEquals(frame.eventId(), frame.json().get("id").asLong());
            }
        }
        exercised.add("GET /api/v1/events");
    }

    private static final java.nio.charset.Charset UTF8 = StandardCharsets.UTF_8;

    private JsonNode call(ApiClient who, String method, String template, int status, Object... ids) {
        return send(who, method, template, status, null, null, ids);
    }

    /** Sends to {@code template} with {@code {id}} filled in, and holds the answer against the document. */
    private JsonNode send(ApiClient who, String method, String template, int status, String contentType,
                          byte[] body, Object... ids) {
        String path = template;
        for (Object id : ids) {
            path = path.replaceFirst("\\{id}", String.valueOf(id));
        }
        ApiClient client = who != null ? who : new ApiClient(service.url(), null);
        ApiClient.Reply reply = client.raw(method, service.url() + path, contentType, body, Map.of()).expect(status);
        String route = template.replaceFirst("\\?.*", "");
        String mediaType = reply.header("Content-Type").replaceFirst(";.*", "").strip();
        JsonNode schema = doc.responseSchema(method, route, status, mediaType);
        problems.addAll(doc.check(schema, reply.json(), method + " " + route + " " + status));
        exercised.add(method + " " + route);
        return reply.json();
    }

    private static Set<String> fields(Class<?> record) {
        var snake = new PropertyNamingStrategies.SnakeCaseStrategy();
        return Arrays.stream(record.getRecordComponents()).map(c -> snake.translate(c.getName()))
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }
}
