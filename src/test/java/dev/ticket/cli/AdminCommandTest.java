package dev.ticket.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ticket.model.Json;
import dev.ticket.model.Role;
import dev.ticket.testing.TestService;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class AdminCommandTest {
    @RegisterExtension
    static final TestService service = TestService.perClass();
    static CliHarness admin;

    @BeforeAll
    static void start() {
        admin = new CliHarness(service.url()).token(service.adminToken());
    }

    @Test
    void user_add_prints_the_new_token_once_and_it_works() throws Exception {
        JsonNode user = Json.mapper().readTree(
                admin.ok("admin", "user", "add", "Anna", "--role", "customer", "--account", "acme", "--json"));
        assertEquals("Anna", user.get("name").asText());
        assertEquals("customer", user.get("role").asText());
        assertEquals("acme", user.get("account").asText());
        String token = user.get("token").asText();
        assertTrue(new CliHarness(service.url()).token(token).ok("whoami").startsWith("Anna (customer"));
    }

    @Test
    void user_add_in_human_form_says_the_token_is_shown_once() {
        String out = admin.ok("admin", "user", "add", "Sasha", "--role", "agent");
        assertTrue(out.matches("(?s)Created user #\\d+: Sasha \\(agent\\)\\.\nToken \\(shown once, keep it secret\\): "
                + "\\S{16,}\n.*"), out);
    }

    @Test
    void a_customer_without_an_account_is_exit_2() {
        CliHarness.Result r = admin.run("admin", "user", "add", "Nobody", "--role", "customer");
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("--account"), r.err());
    }

    @Test
    void a_second_user_with_a_taken_name_is_exit_2_in_one_line_and_assign_to_that_name_just_works() throws Exception {
        JsonNode twin = Json.mapper().readTree(admin.ok("admin", "user", "add", "Twin", "--role", "agent", "--json"));
        CliHarness.Result again = admin.run("admin", "user", "add", "twin", "--role", "agent");
        assertEquals(2, again.exit(), again.err());
        assertEquals("ticket: NAME 'twin' is taken: user #" + twin.get("id").asText()
                + " (Twin, agent) has it; choose another name, or disable #" + twin.get("id").asText()
                + " first (ticket admin user disable '#" + twin.get("id").asText() + "').\n", again.err());
        assertEquals("", again.out());
        long ticket = service.customer().post("/tickets", java.util.Map.of("title", "Twins", "body", "Which one?"))
                .expect(201).json().get("id").asLong();
        assertEquals("Assigned #" + ticket + " to Twin: Twins\n", admin.ok("assign", "#" + ticket, "--to", "twin"),
                "one user has the name: no id asked for");
    }

    @Test
    void a_disabled_users_name_may_be_given_again_and_the_name_then_means_the_enabled_user() throws Exception {
        long left = Json.mapper().readTree(admin.ok("admin", "user", "add", "Leaver", "--role", "agent", "--json"))
                .get("id").asLong();
        admin.ok("admin", "user", "disable", "Leaver");
        long hired = Json.mapper().readTree(admin.ok("admin", "user", "add", "Leaver", "--role", "agent", "--json"))
                .get("id").asLong();
        long ticket = service.customer().post("/tickets", java.util.Map.of("title", "Handover", "body", "Who?"))
                .expect(201).json().get("id").asLong();
        JsonNode assigned = Json.mapper().readTree(admin.ok("assign", "#" + ticket, "--to", "Leaver", "--json"));
        assertEquals(hired, assigned.at("/assignee/id").asLong(), "the enabled Leaver, not #" + left);
        JsonNode disabled = Json.mapper().readTree(admin.ok("admin", "user", "disable", "Leaver", "--json"));
        assertEquals(hired, disabled.get("id").asLong(), "disable means the enabled one");
    }

    @Test
    void user_list_shows_everyone_in_a_table_or_json_array() throws Exception {
        admin.ok("admin", "user", "add", "Lister", "--role", "agent");
        assertTrue(admin.ok("admin", "user", "list").lines().findFirst().orElseThrow()
                .matches("\\s*ID\\s+NAME\\s+ROLE\\s+ACCOUNT\\s+STATE"));
        JsonNode users = Json.mapper().readTree(admin.ok("admin", "user", "list", "--json"));
        assertTrue(users.isArray());
        boolean found = false;
        for (JsonNode u : users) {
            found |= "Lister".equals(u.get("name").asText());
            assertTrue(u.get("token") == null, "no tokens in lists");
        }
        assertTrue(found);
    }

    @Test
    void revoked_tokens_are_refused_with_exit_3_and_a_new_one_works() throws Exception {
        JsonNode user = Json.mapper().readTree(admin.ok("admin", "user", "add", "Rev", "--role", "agent", "--json"));
        String id = user.get("id").asText();
        CliHarness rev = new CliHarness(service.url()).token(user.get("token").asText());
        rev.ok("whoami");
        assertEquals("Revoked every token of user #" + id + ".\n", admin.ok("admin", "token", "revoke", id));
        CliHarness.Result refused = rev.run("whoami");
        assertEquals(3, refused.exit());
        assertEquals(1, refused.err().lines().count(), refused.err());
        assertEquals(1, refused.err().split("ticket login", -1).length - 1, "one hint, not two: " + refused.err());
        assertTrue(refused.err().startsWith("ticket: not authenticated: "), refused.err());
        String fresh = admin.ok("admin", "token", "issue", id, "-q").strip();
        assertTrue(rev.token(fresh).ok("whoami").startsWith("Rev (agent)"));
    }

    @Test
    void an_expired_token_says_it_expired_in_one_line() throws Exception {
        String token = Json.mapper().readTree(admin.ok("admin", "user", "add", "Brief", "--role", "agent",
                "--expires", "1s", "--json")).get("token").asText();
        Thread.sleep(1500);
        CliHarness.Result expired = new CliHarness(service.url()).token(token).run("whoami");
        assertEquals(3, expired.exit());
        assertEquals(1, expired.err().lines().count(), expired.err());
        assertTrue(expired.err().startsWith("ticket: not authenticated: The token expired at "), expired.err());
    }

    @Test
    void non_admins_are_not_allowed_exit_3() {
        CliHarness sam = CliHarness.as(service, "Sam", Role.AGENT, null);
        CliHarness.Result r = sam.run("admin", "user", "list");
        assertEquals(3, r.exit());
        assertTrue(r.err().startsWith("ticket: not allowed"), r.err());
    }

    @Test
    void token_list_disable_enable_and_audit_from_the_command_line() throws Exception {
        JsonNode user = Json.mapper().readTree(admin.ok("admin", "user", "add", "Temp Worker", "--role", "agent",
                "--expires", "30d", "--json"));
        String token = user.get("token").asText();
        CliHarness temp = new CliHarness(service.url()).token(token);
        temp.ok("whoami");
        String table = admin.ok("admin", "token", "list");
        assertTrue(table.lines().findFirst().orElseThrow()
                .matches("\\s*ID\\s+USER\\s+CREATED\\s+LAST USED\\s+EXPIRES\\s+STATE"), table);
        assertTrue(!table.contains(token), "a token in the list");
        JsonNode tokens = Json.mapper().readTree(admin.ok("admin", "token", "list", "--json"));
        boolean found = false;
        for (JsonNode t : tokens) {
            if (t.get("user_id").asLong() == user.get("id").asLong()) {
                found = t.has("expires_at") && t.has("last_used_at");
            }
        }
        assertTrue(found, tokens.toString());

        assertTrue(admin.ok("admin", "user", "disable", "Temp Worker").startsWith("Disabled Temp Worker (agent)"));
        CliHarness.Result locked = temp.run("whoami");
        assertEquals(3, locked.exit());
        assertEquals("ticket: not authenticated: User Temp Worker is disabled; ask an admin to enable it "
                + "(ticket admin user enable).\n", locked.err());
        assertTrue(admin.ok("admin", "token", "list").lines().anyMatch(l -> l.contains("Temp Worker")
                && l.strip().endsWith("disabled")), "a disabled user's token shows as disabled");
        boolean disabled = false;
        for (JsonNode t : Json.mapper().readTree(admin.ok("admin", "token", "list", "--json"))) {
            if (t.get("user_id").asLong() == user.get("id").asLong()) {
                disabled = t.has("user_disabled_at");
            }
        }
        assertTrue(disabled, "user_disabled_at in the token list");
        assertTrue(admin.ok("admin", "user", "list").lines().anyMatch(l -> l.contains("Temp Worker")
                && l.strip().endsWith("disabled")));
        admin.ok("admin", "user", "enable", "#" + user.get("id").asText());
        temp.ok("whoami");
        assertTrue(admin.ok("admin", "token", "list").lines().anyMatch(l -> l.contains("Temp Worker")
                && l.strip().endsWith("live")), "enabled again: live");
        assertEquals(2, admin.run("admin", "user", "disable", "No Such Person").exit());
        CliHarness.Result soon = admin.run("admin", "user", "add", "X", "--role", "agent", "--expires", "soon");
        assertEquals(2, soon.exit());
        assertTrue(soon.err().contains("30d"), "the hint shows days too: " + soon.err());

        String audit = admin.ok("admin", "audit", "--limit", "3");
        assertTrue(audit.contains("user.enable") && audit.contains("user.disable") && audit.contains("user.add"), audit);
        JsonNode entries = Json.mapper().readTree(admin.ok("admin", "audit", "--limit", "1", "--json"));
        assertEquals("user.enable", entries.get(0).get("action").asText());
        assertEquals("admin", entries.get(0).get("actor").asText());
        JsonNode issued = Json.mapper().readTree(admin.ok("admin", "token", "issue", "Temp Worker", "--json"));
        assertEquals(user.get("id").asLong(), issued.get("id").asLong(), "a token issued by the user's name");
        new CliHarness(service.url()).token(issued.get("token").asText()).ok("whoami");
        assertEquals("Revoked every token of user #" + user.get("id").asText() + ".\n",
                admin.ok("admin", "token", "revoke", "Temp Worker"));
        assertEquals(2, admin.run("admin", "token", "issue", "No Such Person").exit());
    }

    @Test
    void redact_is_for_the_team_and_leaves_the_note() throws Exception {
        CliHarness olga = new CliHarness(service.url()).token(service.customer().token());
        CliHarness sam = new CliHarness(service.url()).token(service.addUser("Sam R", Role.AGENT, null).token());
        String ticket = olga.open("Leak", "password hunter2");
        String message = Json.mapper().readTree(olga.ok("show", ticket, "--json")).at("/messages/0/id").asText();
        assertEquals(3, olga.run("redact", message).exit());
        assertTrue(sam.ok("redact", message).startsWith("Message " + message + " in #" + ticket
                + " is now: redacted by Sam R at "));
        assertTrue(!olga.ok("show", ticket).contains("hunter2"));
        String note = Json.mapper().readTree(olga.ok("show", ticket, "--json")).at("/messages/0/body").asText();
        int audited = admin.ok("admin", "audit", "--json").split("\"message.redact\"", -1).length;
        // at once, by another agent: the first note stays, and the command says whose it is (the service decides,
        // not the CLI's clock: two redactions a second apart once both said "is now:")
        CliHarness kim = new CliHarness(service.url()).token(service.addUser("Kim", Role.AGENT, null).token());
        String again = kim.ok("redact", message);
        assertTrue(note.startsWith("redacted by Sam R at "), note);
        assertEquals("Message " + message + " in #" + ticket + " was already " + note + "\n", again);
        JsonNode json = Json.mapper().readTree(kim.ok("redact", message, "--json"));
        assertEquals(note, json.get("body").asText());
        assertEquals(Json.mapper().readTree(olga.ok("show", ticket, "--json")).at("/messages/0/redacted_at"),
                json.get("redacted_at"), "--json carries when it was redacted");
        assertTrue(json.get("redacted_at").isTextual(), json.toString());
        assertEquals(note, Json.mapper().readTree(olga.ok("show", ticket, "--json")).at("/messages/0/body").asText());
        assertEquals(audited, admin.ok("admin", "audit", "--json").split("\"message.redact\"", -1).length,
                "no second audit entry");
        assertEquals(4, sam.run("redact", "99999999").exit());
    }
}
