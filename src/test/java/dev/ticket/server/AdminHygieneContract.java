package dev.ticket.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ticket.model.Role;
import dev.ticket.model.User;
import dev.ticket.testing.ApiClient;
import dev.ticket.testing.MultipartBody;
import dev.ticket.testing.RawStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * SPEC 7.5 Admin, the same on SQLite and PostgreSQL: token metadata (never the token), tokens that expire,
 * disabled users, redaction that erases a leaked secret everywhere, and the audit log of it all.
 */
abstract class AdminHygieneContract {

    /** The service under test: its address and a client acting as its admin. */
    record Service(String url, ApiClient admin) {
    }

    abstract Service service();

    /** Every place the store keeps bytes (database rows and files) that contain {@code needle}. */
    abstract List<String> storedCopies(String needle) throws Exception;

    private String url() {
        return service().url();
    }

    private ApiClient admin() {
        return service().admin();
    }

    private ApiClient as(User user) {
        return new ApiClient(url(), user.token());
    }

    @Test
    void token_list_shows_metadata_and_last_use_but_never_a_token_or_its_hash() {
        User user = admin().addUser("Lister " + UUID.randomUUID(), Role.CUSTOMER, "acme");
        as(user).get("/me").expect(200);
        String body = admin().get("/admin/tokens").expect(200).body();
        assertFalse(body.contains(user.token()), "a token in the list");
        assertFalse(body.contains(dev.ticket.service.Tokens.hash(user.token())), "a token's hash in the list");
        JsonNode mine = null;
        for (JsonNode token : admin().get("/admin/tokens").expect(200).json().get("items")) {
            if (token.get("user_id").asLong() == user.id()) {
                mine = token;
            }
        }
        assertTrue(mine != null, body);
        assertTrue(mine.has("created_at") && mine.has("last_used_at") && !mine.has("expires_at"), mine.toString());
        as(user).get("/admin/tokens").expect(403);
    }

    @Test
    void an_expired_token_is_refused_and_its_stream_ends() {
        User user = admin().post("/users", Map.of("name", "Temp", "role", "agent", "expires_in", 2))
                .expect(201).as(User.class);
        try (RawStream stream = RawStream.open(url(), user.token())) {
            assertEquals(200, stream.status());
            as(user).get("/me").expect(200);
            assertTrue(stream.awaitEnd(Duration.ofSeconds(4)), "the stream outlived its token");
        }
        JsonNode problem = as(user).get("/me").expect(401).json();
        assertTrue(problem.get("detail").asText().contains("expired"), problem.toString());
        User renewed = admin().post("/users/" + user.id() + "/tokens?expires_in=3600", "").expect(201).as(User.class);
        as(renewed).get("/me").expect(200);
        admin().post("/users", Map.of("name", "Bad", "role", "agent", "expires_in", 0)).expect(422);
    }

    @Test
    void a_disabled_user_is_locked_out_at_once_and_their_streams_end_within_a_second() {
        User user = admin().addUser("Leaving " + UUID.randomUUID(), Role.CUSTOMER, "acme");
        try (RawStream stream = RawStream.open(url(), user.token())) {
            assertEquals(200, stream.status());
            admin().post("/users/" + user.id() + "/disable", "").expect(200);
            assertTrue(stream.awaitEnd(Duration.ofSeconds(1)), "the stream was open 1 s after disabling");
        }
        assertTrue(tokenOf(user).has("user_disabled_at"), tokenOf(user).toString());
        JsonNode locked = as(user).get("/me").expect(401).json();
        assertTrue(locked.get("detail").asText().contains("is disabled"), locked.toString());
        try (RawStream again = RawStream.open(url(), user.token())) {
            assertEquals(401, again.status());
        }
        admin().post("/users/" + user.id() + "/enable", "").expect(200);
        as(user).get("/me").expect(200);
        assertFalse(tokenOf(user).has("user_disabled_at"), tokenOf(user).toString());
        as(user).post("/users/" + user.id() + "/disable", "").expect(403);
    }

    @Test
    void a_name_names_one_enabled_user_ignoring_case_so_assign_never_asks_which() {
        String unique = UUID.randomUUID().toString().substring(0, 8);
        User first = admin().addUser("Ольга " + unique, Role.AGENT, null);
        JsonNode taken = admin().post("/users", Map.of("name", "ОЛЬГА " + unique, "role", "customer",
                "account", "acme")).expect(422).json();
        assertEquals("validation", taken.get("type").asText(), taken.toString());
        assertTrue(taken.get("detail").asText().startsWith("name 'ОЛЬГА " + unique + "' is taken: user #"
                + first.id() + " (Ольга " + unique + ", agent)"), taken.toString());

        admin().post("/users/" + first.id() + "/disable", "").expect(200);
        User second = admin().addUser("ольга " + unique, Role.AGENT, null); // a disabled user does not hold it
        JsonNode back = admin().post("/users/" + first.id() + "/enable", "").expect(422).json();
        assertTrue(back.get("detail").asText().contains("user #" + second.id()), back.toString());
        admin().post("/users/" + second.id() + "/disable", "").expect(200);
        admin().post("/users/" + first.id() + "/enable", "").expect(200);
    }

    private JsonNode tokenOf(User user) {
        for (JsonNode token : admin().get("/admin/tokens").expect(200).json().get("items")) {
            if (token.get("user_id").asLong() == user.id()) {
                return token;
            }
        }
        throw new AssertionError("no token of user " + user.id());
    }

    @Test
    void a_redacted_secret_is_gone_from_answers_events_and_storage_and_the_audit_log_says_who() throws Exception {
        String secret = "sk_live_" + UUID.randomUUID().toString().replace("-", "");
        String fileSecret = "AKIA" + UUID.randomUUID().toString().replace("-", "").toUpperCase();
        User customer = admin().addUser("Leaker", Role.CUSTOMER, "acme-" + UUID.randomUUID());
        User stranger = admin().addUser("Stranger", Role.CUSTOMER, "other-" + UUID.randomUUID());
        User agent = admin().addUser("Redactor", Role.AGENT, null);
        ApiClient leaker = as(customer);
        long ticket = leaker.post("/tickets", Map.of("title", "Login fails", "body", "it fails"))
                .expect(201).json().get("id").asLong();
        // a long message (a pasted log) spills into overflow pages, which a delete frees without wiping unless told
        String log = "at com.example.Login.check(Login.java:42)\n".repeat(200);
        MultipartBody form = new MultipartBody().field("body", log + "my key is " + secret + "\n" + log).file("env.txt", "text/plain",
                ("KEY=" + fileSecret + "\n").getBytes(StandardCharsets.UTF_8));
        JsonNode message = leaker.raw("POST", "/tickets/" + ticket + "/messages", form.contentType(), form.bytes(),
                Map.of("Idempotency-Key", "leak-" + UUID.randomUUID())).expect(201).json();
        long messageId = message.get("id").asLong();
        long attachment = message.get("attachments").get(0).get("id").asLong();
        assertFalse(storedCopies(secret).isEmpty(), "the secret was never stored: the test proves nothing");

        JsonNode redacted;
        try (RawStream chat = RawStream.open(url(), customer.token(), "ticket=" + ticket, 0)) {
            assertEquals(200, chat.status());
            leaker.post("/messages/" + messageId + "/redact", "").expect(403);
            as(stranger).post("/messages/" + messageId + "/redact", "").expect(403);
            assertFalse(message.has("redacted_at"), "a message not redacted has no redacted_at: " + message);
            ApiClient.Reply first = as(agent).post("/messages/" + messageId + "/redact", "").expect(200);
            assertEquals("done", first.header("Ticket-Redaction"));
            redacted = first.json();
            assertTrue(redacted.get("body").asText().startsWith("redacted by Redactor at "), redacted.toString());
            assertTrue(redacted.has("redacted_at"), redacted.toString());
            assertEquals(0, redacted.get("attachments").size());
            assertTrue(chat.await("event: redacted", Duration.ofSeconds(5)), chat.text());
        }
        as(agent).post("/messages/999999999/redact", "").expect(404);
        JsonNode firstNote = leaker.get("/tickets/" + ticket).expect(200).json().get("messages").get(1);
        Thread.sleep(1100); // a second redaction would write a note with a later second
        assertEquals(redacted.get("redacted_at"), firstNote.get("redacted_at"), "the ticket shows when: " + firstNote);
        ApiClient.Reply second = as(agent).post("/messages/" + messageId + "/redact", "").expect(200);
        assertEquals("earlier", second.header("Ticket-Redaction"), "the service says it was done before");
        JsonNode again = second.json();
        assertEquals(firstNote.get("body").asText(), again.get("body").asText(), "redacting again kept the note");
        assertEquals(firstNote.get("redacted_at"), again.get("redacted_at"), "and the time of the first");

        JsonNode after = leaker.get("/tickets/" + ticket).expect(200).json();
        assertEquals(2, after.get("messages").size(), "the ticket and its other messages stay");
        assertTrue(after.get("messages").get(1).get("body").asText().startsWith("redacted by Redactor"));
        leaker.get("/attachments/" + attachment).expect(404);
        List<String> answers = new ArrayList<>();
        answers.add(after.toString());
        answers.add(as(agent).get("/tickets/" + ticket).expect(200).body());
        answers.add(as(agent).get("/tickets?limit=100").expect(200).body());
        try (RawStream history = RawStream.open(url(), agent.token(), "ticket=" + ticket + "&after=0", 0)) {
            history.await("event: redacted", Duration.ofSeconds(5));
            answers.add(history.text());
        }
        for (String answer : answers) {
            assertFalse(answer.contains(secret) || answer.contains(fileSecret), answer);
        }
        assertEquals(List.of(), storedCopies(secret));
        assertEquals(List.of(), storedCopies(fileSecret));

        JsonNode audit = admin().get("/admin/audit?limit=50").expect(200).json().get("items");
        boolean found = false;
        int entries = 0;
        for (JsonNode entry : audit) {
            if (entry.get("action").asText().equals("message.redact")
                    && entry.get("target").asText().contains("#" + messageId + " ")) {
                found = entry.get("actor").asText().equals("Redactor") && !entry.get("client").asText().isEmpty();
                entries++;
            }
        }
        assertTrue(found, audit.toString());
        assertEquals(1, entries, "one audit entry for two redactions: " + audit);
        as(agent).get("/admin/audit").expect(403);
    }

    @Test
    void admin_actions_are_in_the_audit_log_newest_first() {
        User user = admin().addUser("Audited " + UUID.randomUUID(), Role.AGENT, null);
        admin().post("/users/" + user.id() + "/tokens", "").expect(201);
        admin().delete("/tokens/" + user.id()).expect(200);
        admin().post("/users/" + user.id() + "/disable", "").expect(200);
        List<String> actions = new ArrayList<>();
        for (JsonNode entry : admin().get("/admin/audit?limit=4").expect(200).json().get("items")) {
            assertTrue(entry.get("target").asText().contains("#" + user.id()), entry.toString());
            assertEquals("admin", entry.get("actor").asText());
            actions.add(entry.get("action").asText());
        }
        assertEquals(List.of("user.disable", "token.revoke", "token.issue", "user.add"), actions);
    }
}
