package dev.ticket.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ticket.model.Role;
import dev.ticket.testing.ApiClient;
import dev.ticket.testing.SqliteFile;
import dev.ticket.testing.TestService;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * SPEC section 4, errors: malformed or oversized input gets a 4xx problem with a stable type and a clear
 * detail, never a 500, never a half-written row, and the service keeps serving.
 */
class BadInputTest {
    static final int MIB = 1024 * 1024;
    static final String JSON = "application/json";
    @RegisterExtension
    static final TestService service = TestService.perClass();
    static ApiClient customer;
    static long ticket;

    /** One bad request and the refusal it must get. {@code asAdmin}: sent with the admin token. */
    record Bad(String name, String method, String path, String contentType, byte[] body, Map<String, String> headers,
               int status, String type, String detailHas, boolean asAdmin, boolean chunked) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Bad bad(String name, String method, String path, String contentType, String body, int status,
                   String type, String detailHas) {
        return new Bad(name, method, path, contentType, body == null ? null : body.getBytes(StandardCharsets.UTF_8),
                Map.of(), status, type, detailHas, false, false);
    }

    static Bad bytes(String name, String path, byte[] body, int status, String type, String detailHas) {
        return new Bad(name, "POST", path, JSON, body, Map.of(), status, type, detailHas, false, false);
    }

    static Bad header(Bad b, String name, String value) {
        Map<String, String> headers = new HashMap<>(b.headers());
        headers.put(name, value);
        return new Bad(b.name(), b.method(), b.path(), b.contentType(), b.body(), headers, b.status(), b.type(),
                b.detailHas(), b.asAdmin(), b.chunked());
    }

    static Bad admin(Bad b) {
        return new Bad(b.name(), b.method(), b.path(), b.contentType(), b.body(), b.headers(), b.status(), b.type(),
                b.detailHas(), true, b.chunked());
    }

    static Bad chunked(Bad b) {
        return new Bad(b.name(), b.method(), b.path(), b.contentType(), b.body(), b.headers(), b.status(), b.type(),
                b.detailHas(), b.asAdmin(), true);
    }

    static byte[] concat(String before, byte[] middle, String after) {
        byte[] a = before.getBytes(StandardCharsets.UTF_8);
        byte[] c = after.getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[a.length + middle.length + c.length];
        System.arraycopy(a, 0, all, 0, a.length);
        System.arraycopy(middle, 0, all, a.length, middle.length);
        System.arraycopy(c, 0, all, a.length + middle.length, c.length);
        return all;
    }

    static Stream<Bad> bodies() {
        String t = "/api/v1/tickets";
        String m = "/api/v1/tickets/{ticket}/messages";
        return Stream.of(
                bad("malformed JSON", "POST", t, JSON, "{\"title\": \"x\", \"body\": ", 400, "bad-request", "JSON"),
                bad("JSON followed by garbage", "POST", t, JSON, "{\"title\":\"x\",\"body\":\"y\"} trailing", 400,
                        "bad-request", "JSON"),
                bad("two JSON documents", "POST", t, JSON, "{\"title\":\"x\",\"body\":\"y\"}{}", 400, "bad-request",
                        "JSON"),
                bytes("invalid UTF-8 in a title", t, concat("{\"title\":\"", new byte[] {(byte) 0xff, (byte) 0xfe},
                        "\",\"body\":\"x\"}"), 400, "bad-request", "UTF-8"),
                bytes("UTF-8 encoded surrogate in a reply", m, concat("{\"body\":\"a", new byte[] {(byte) 0xed,
                        (byte) 0xa0, (byte) 0x80}, "\"}"), 400, "bad-request", "UTF-8"),
                bytes("truncated UTF-8 sequence", t, concat("{\"title\":\"x\",\"body\":\"", new byte[] {(byte) 0xd0},
                        "\"}"), 400, "bad-request", "UTF-8"),
                bad("lone surrogate escape in a title", "POST", t, JSON, "{\"title\":\"a\\ud800b\",\"body\":\"x\"}",
                        422, "validation", "title"),
                bad("unknown ticket type", "POST", t, JSON, "{\"title\":\"x\",\"body\":\"y\",\"type\":\"urgent\"}",
                        422, "validation", "critical, question, suggestion"),
                bad("ticket type of the wrong JSON type", "POST", t, JSON,
                        "{\"title\":\"x\",\"body\":\"y\",\"type\":7}", 400, "bad-request", "type"),
                admin(bad("unknown role", "POST", "/api/v1/users", JSON, "{\"name\":\"x\",\"role\":\"root\"}", 422,
                        "validation", "customer, agent, admin")),
                bad("unknown field", "POST", t, JSON, "{\"title\":\"x\",\"body\":\"y\",\"titel\":\"z\"}", 400,
                        "bad-request", "titel"),
                bad("unknown field in a reply", "POST", m, JSON, "{\"body\":\"y\",\"files\":[]}", 400, "bad-request",
                        "files"),
                bad("object where text belongs", "POST", t, JSON, "{\"title\":\"x\",\"body\":{\"a\":1}}", 400,
                        "bad-request", "body"),
                bad("text where a list belongs", "POST", t, JSON, "{\"title\":\"x\",\"body\":\"y\",\"refs\":\"1\"}",
                        400, "bad-request", "refs"),
                // SPEC 7.2: what is not what the schema says is 400, not coerced
                bad("number where text belongs", "POST", m, JSON, "{\"body\":5}", 400, "bad-request", "body"),
                bad("flag where text belongs", "POST", t, JSON, "{\"title\":true,\"body\":\"y\"}", 400,
                        "bad-request", "title"),
                bad("text where a ref number belongs", "POST", t, JSON,
                        "{\"title\":\"x\",\"body\":\"y\",\"refs\":[\"1\"]}", 400, "bad-request", "refs[0]"),
                bad("number where a label belongs", "POST", t, JSON,
                        "{\"title\":\"x\",\"body\":\"y\",\"labels\":[5]}", 400, "bad-request", "labels[0]"),
                bad("null for an optional field", "POST", t, JSON, "{\"title\":\"x\",\"body\":\"y\",\"about\":null}",
                        400, "bad-request", "about"),
                bad("the same key twice", "POST", m, JSON, "{\"body\":\"a\",\"body\":\"b\"}", 400, "bad-request",
                        "body"),
                bad("the same key twice in a ticket", "POST", t, JSON,
                        "{\"title\":\"x\",\"body\":\"y\",\"title\":\"z\"}", 400, "bad-request", "title"),
                bad("the same form field twice", "POST", m, "multipart/form-data; boundary=zzz",
                        "--zzz\r\nContent-Disposition: form-data; name=\"body\"\r\n\r\nfirst\r\n"
                                + "--zzz\r\nContent-Disposition: form-data; name=\"body\"\r\n\r\nsecond\r\n--zzz--\r\n",
                        400, "bad-request", "'body' is given 2 times"),
                admin(bad("an assignment without its user_id", "PUT", "/api/v1/tickets/{ticket}/assignee", JSON, "{}",
                        400, "bad-request", "user_id is required")),
                admin(bad("an assignment naming a field it does not take", "PUT", "/api/v1/tickets/{ticket}/assignee",
                        JSON, "{\"agent\":5}", 400, "bad-request", "Unknown field 'agent'")),
                bad("a ref that is no ticket id", "POST", t, JSON, "{\"title\":\"x\",\"body\":\"y\",\"refs\":[0]}",
                        422, "validation", "refs: 0 is not a ticket id"),
                bad("unknown form field", "POST", t, "multipart/form-data; boundary=zzz",
                        "--zzz\r\nContent-Disposition: form-data; name=\"colour\"\r\n\r\nred\r\n--zzz--\r\n", 400,
                        "bad-request", "colour"),
                new Bad("form text that is not UTF-8", "POST", m, "multipart/form-data; boundary=zzz",
                        concat("--zzz\r\nContent-Disposition: form-data; name=\"body\"\r\n\r\nok ",
                                new byte[] {(byte) 0xff, (byte) 0xfe}, "\r\n--zzz--\r\n"), Map.of(), 400,
                        "bad-request", "UTF-8", false, false),
                bad("ref beyond a long", "POST", t, JSON,
                        "{\"title\":\"x\",\"body\":\"y\",\"refs\":[99999999999999999999]}", 422, "validation",
                        "refs[0]: the number is out of range"),
                bad("ref of another kind", "POST", t, JSON, "{\"title\":\"x\",\"body\":\"y\",\"refs\":[true]}", 400,
                        "bad-request", "refs[0]"),
                bad("JSON array instead of an object", "POST", t, JSON, "[]", 400, "bad-request", "JSON object"),
                bad("JSON string instead of an object", "POST", m, JSON, "\"hello\"", 400, "bad-request",
                        "JSON object"),
                bad("JSON null", "POST", t, JSON, "null", 400, "bad-request", "JSON object"),
                bad("empty body", "POST", t, JSON, "", 400, "bad-request", "empty"),
                bad("empty reply body", "POST", m, JSON, "", 400, "bad-request", "empty"),
                bad("nesting 5,000 deep", "POST", t, JSON, "{\"refs\":" + "[".repeat(5000), 400, "bad-request",
                        "JSON"),
                bad("JSON over 1 MiB", "POST", t, JSON, "{\"title\":\"x\",\"body\":\"" + "a".repeat(2 * MIB) + "\"}",
                        413, "too-large", "larger"),
                chunked(bad("chunked JSON over 1 MiB", "POST", m, JSON, "{\"body\":\"" + "a".repeat(2 * MIB) + "\"}",
                        413, "too-large", "larger")),
                bad("20,000-character title", "POST", t, JSON,
                        "{\"title\":\"" + "x".repeat(20_000) + "\",\"body\":\"y\"}", 422, "validation", "200"),
                bad("blank title", "POST", t, JSON, "{\"title\":\"   \",\"body\":\"y\"}", 422, "validation", "title"),
                bad("missing first message", "POST", t, JSON, "{\"title\":\"x\"}", 422, "validation", "body"),
                bad("message over 100,000 characters", "POST", m, JSON, "{\"body\":\"" + "b".repeat(100_001) + "\"}",
                        422, "validation", "100000"),
                bad("control character in a title", "POST", t, JSON, "{\"title\":\"a\\u0007b\",\"body\":\"y\"}", 422,
                        "validation", "title"),
                bad("NUL in a message", "POST", m, JSON, "{\"body\":\"a\\u0000b\"}", 422, "validation", "control"),
                bad("text/plain body", "POST", t, "text/plain", "title=x", 415, "unsupported-media-type",
                        "application/json"),
                bad("XML body", "POST", m, "application/xml", "<body>x</body>", 415, "unsupported-media-type",
                        "application/json"),
                bad("no content type", "POST", t, null, "{\"title\":\"x\",\"body\":\"y\"}", 415,
                        "unsupported-media-type", "application/json"),
                admin(bad("user as form data", "POST", "/api/v1/users", "application/x-www-form-urlencoded",
                        "name=x&role=agent", 415, "unsupported-media-type", "application/json")),
                bad("multipart without a boundary", "POST", t, "multipart/form-data", "--x\r\n\r\n", 400,
                        "bad-request", "multipart"),
                bad("multipart that never ends", "POST", m, "multipart/form-data; boundary=zzz",
                        "--zzz\r\nContent-Disposition: form-data; name=\"body\"\r\n\r\nhello", 400, "bad-request",
                        "multipart"),
                // Only just over: the service stops reading at the limit, and a client still writing megabytes
                // then may see the connection close before it reads the refusal (JDK 17's client cannot wait
                // for 100 Continue).
                bad("multipart text field over 1 MiB", "POST", t,
                        "multipart/form-data; boundary=zzz", "--zzz\r\nContent-Disposition: form-data; name=\"title\""
                                + "\r\n\r\nx\r\n--zzz\r\nContent-Disposition: form-data; name=\"body\"\r\n\r\n"
                                + "b".repeat(MIB + MIB / 4) + "\r\n--zzz--\r\n", 413, "too-large", "body"),
                header(bad("Idempotency-Key over 255 characters", "POST", m, JSON, "{\"body\":\"y\"}", 422,
                        "validation", "Idempotency-Key"), "Idempotency-Key", "k".repeat(300)),
                header(bad("Idempotency-Key with a space", "POST", t, JSON, "{\"title\":\"x\",\"body\":\"y\"}", 422,
                        "validation", "Idempotency-Key"), "Idempotency-Key", "a b"));
    }

    static Stream<Bad> addresses() {
        String cursor = Base64.getUrlEncoder().encodeToString("a12x".getBytes(StandardCharsets.US_ASCII));
        return Stream.of(
                bad("word as a ticket id", "GET", "/api/v1/tickets/abc", null, null, 400, "bad-request", "abc"),
                bad("fraction as a ticket id", "POST", "/api/v1/tickets/1.5/close", null, null, 400, "bad-request",
                        "1.5"),
                bad("negative ticket id", "POST", "/api/v1/tickets/-3/read", null, null, 400, "bad-request", "-3"),
                bad("zero ticket id", "POST", "/api/v1/tickets/0/messages", JSON, "{\"body\":\"y\"}", 400,
                        "bad-request", "0"),
                bad("ticket id beyond a long", "GET", "/api/v1/tickets/99999999999999999999", null, null, 400,
                        "bad-request", "99999999999999999999"),
                bad("word as an attachment id", "GET", "/api/v1/attachments/x.png", null, null, 400, "bad-request",
                        "x.png"),
                admin(bad("word as a user id", "POST", "/api/v1/users/me/tokens", null, null, 400, "bad-request",
                        "me")),
                admin(bad("word as a user id to revoke", "DELETE", "/api/v1/tokens/all", null, null, 400,
                        "bad-request", "all")),
                bad("unknown status filter", "GET", "/api/v1/tickets?status=open", null, null, 422, "validation",
                        "on_customer"),
                bad("unknown type filter", "GET", "/api/v1/tickets?type=urgent", null, null, 422, "validation",
                        "critical"),
                bad("unknown awaiting filter", "GET", "/api/v1/tickets?awaiting=me", null, null, 422, "validation",
                        "team"),
                bad("limit that is a word", "GET", "/api/v1/tickets?limit=ten", null, null, 422, "validation",
                        "limit"),
                bad("limit zero", "GET", "/api/v1/tickets?limit=0", null, null, 422, "validation", "limit"),
                bad("limit beyond an int", "GET", "/api/v1/tickets?limit=99999999999", null, null, 422, "validation",
                        "limit"),
                bad("unread that is not a boolean", "GET", "/api/v1/tickets?unread=maybe", null, null, 422,
                        "validation", "unread"),
                bad("cursor not from this service", "GET", "/api/v1/tickets?cursor=%25%25%25", null, null, 422,
                        "validation", "cursor"),
                bad("cursor that decodes to junk", "GET", "/api/v1/tickets?cursor=" + cursor, null, null, 422,
                        "validation", "cursor"),
                bad("search text over the URI limit", "GET", "/api/v1/tickets?q=" + "x".repeat(20_000), null, null,
                        414, "uri-too-long", "too long"),
                bad("event id that is a word", "GET", "/api/v1/events?after=soon", null, null, 400, "bad-request",
                        "after"),
                header(bad("Last-Event-ID that is a word", "GET", "/api/v1/events", null, null, 400, "bad-request",
                        "Last-Event-ID"), "Last-Event-ID", "yesterday"),
                bad("events of a ticket that is a word", "GET", "/api/v1/events?ticket=mine", null, null, 400,
                        "bad-request", "ticket"),
                // SPEC 7.2: an id is 1 to 18 ASCII digits; Long.parseLong took Arabic-Indic digits as 1
                bad("ticket id in Arabic-Indic digits", "GET", "/api/v1/tickets/%D9%A1", null, null, 400,
                        "bad-request", "\u0661"),
                bad("reply to an id in Devanagari digits", "POST", "/api/v1/tickets/%E0%A5%A7/messages", JSON,
                        "{\"body\":\"y\"}", 400, "bad-request", "id"),
                bad("attachment id in Arabic-Indic digits", "GET", "/api/v1/attachments/%D9%A1", null, null, 400,
                        "bad-request", "id"),
                bad("ticket id with a # in front", "GET", "/api/v1/tickets/%231", null, null, 400, "bad-request",
                        "#1"),
                bad("ticket id with a plus sign", "GET", "/api/v1/tickets/+1", null, null, 400, "bad-request", "+1"),
                bad("events of a ticket in Arabic-Indic digits", "GET", "/api/v1/events?ticket=%D9%A1", null, null,
                        400, "bad-request", "ticket"),
                bad("event id in Arabic-Indic digits", "GET", "/api/v1/events?after=%D9%A1", null, null, 400,
                        "bad-request", "after"),
                bad("ticket id that is not UTF-8", "GET", "/api/v1/tickets/%ff", null, null, 400, "bad-request",
                        "UTF-8"),
                bad("path not in the API", "GET", "/api/v1/nothing", null, null, 404, "not-found", "/api/v1/nothing"),
                bad("method the path does not take", "PUT", "/api/v1/tickets", JSON, "{}", 405, "method-not-allowed",
                        "PUT"),
                header(bad("header over the limit", "GET", "/api/v1/me", null, null, 431, "header-too-large",
                        "header"), "X-Padding", "p".repeat(20_000)));
    }

    @BeforeAll
    static void start() {
        customer = service.client("Olga", Role.CUSTOMER, "acme");
        ticket = customer.post("/tickets", "{\"title\":\"Known\",\"body\":\"known\"}").expect(201).json().get("id")
                .asLong();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bodies")
    void a_bad_body_is_refused_with_a_problem_and_writes_nothing(Bad bad) throws Exception {
        refusedCleanly(bad);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("addresses")
    void a_bad_address_or_parameter_is_refused_with_a_problem(Bad bad) throws Exception {
        refusedCleanly(bad);
    }

    @Test
    void long_search_text_within_the_uri_limit_is_just_text() {
        assertEquals(0, customer.get("/tickets?q=" + "й".repeat(600)).expect(200).json().get("items").size());
        assertEquals(0, customer.get("/tickets?q=%ff%fe").expect(200).json().get("items").size(), "not UTF-8");
    }

    private static void refusedCleanly(Bad bad) throws Exception {
        SqliteFile db = new SqliteFile(service.dataDir());
        Map<String, Long> before = db.writeCounts();
        HttpResponse<String> r = send(bad);
        String contentType = r.headers().firstValue("Content-Type").orElse("");
        assertEquals(bad.status(), r.statusCode(), r.body());
        assertTrue(contentType.startsWith("application/problem+json"), contentType + ": " + r.body());
        JsonNode problem = new ApiClient.Reply(r.statusCode(), r.body(), null).json();
        assertEquals(bad.type(), problem.get("type").asText(), r.body());
        assertEquals(bad.status(), problem.get("status").asInt());
        String detail = problem.get("detail").asText();
        assertTrue(detail.toLowerCase(Locale.ROOT).contains(bad.detailHas().toLowerCase(Locale.ROOT)),
                "detail should mention '" + bad.detailHas() + "': " + detail);
        assertFalse(detail.matches("(?s).*(Exception|com\\.fasterxml|dev\\.ticket|java\\.|\\[Source:).*"),
                "internals leak into the detail: " + detail);
        assertTrue(detail.length() <= 300 && detail.endsWith("."), "one clear sentence: " + detail);
        assertEquals(before, db.writeCounts(), "a refused request wrote nothing");
        new ApiClient(service.url(), null).raw("GET", service.url() + "/healthz", null, null, Map.of()).expect(200);
        customer.get("/tickets/" + ticket).expect(200);
    }

    private static HttpResponse<String> send(Bad bad) throws IOException, InterruptedException {
        String token = bad.asAdmin() ? service.adminToken() : customer.token();
        URI uri = URI.create(service.url() + bad.path().replace("{ticket}", String.valueOf(ticket)));
        HttpRequest.BodyPublisher body = bad.body() == null ? HttpRequest.BodyPublishers.noBody()
                : bad.chunked() ? HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bad.body()))
                : HttpRequest.BodyPublishers.ofByteArray(bad.body());
        HttpRequest.Builder b = HttpRequest.newBuilder(uri).method(bad.method(), body)
                .timeout(Duration.ofSeconds(30)).header("Authorization", "Bearer " + token);
        if (bad.contentType() != null) {
            b.header("Content-Type", bad.contentType());
        }
        bad.headers().forEach(b::header);
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static final HttpClient HTTP = HttpClient.newHttpClient();
}
