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
        String out = admin.ok("admin", "user", "add", "Sam", "--role", "agent");
        assertTrue(out.matches("(?s)Created user #\\d+: Sam \\(agent\\)\\.\nToken \\(shown once, keep it secret\\): "
                + "\\S{16,}\n.*"), out);
    }

    @Test
    void a_customer_without_an_account_is_exit_2() {
        CliHarness.Result r = admin.run("admin", "user", "add", "Nobody", "--role", "customer");
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("--account"), r.err());
    }

    @Test
    void user_list_shows_everyone_in_a_table_or_json_array() throws Exception {
        admin.ok("admin", "user", "add", "Lister", "--role", "agent");
        assertTrue(admin.ok("admin", "user", "list").lines().findFirst().orElseThrow()
                .matches("\\s*ID\\s+NAME\\s+ROLE\\s+ACCOUNT"));
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
    void non_admins_are_not_allowed_exit_3() {
        CliHarness sam = CliHarness.as(service, "Sam", Role.AGENT, null);
        CliHarness.Result r = sam.run("admin", "user", "list");
        assertEquals(3, r.exit());
        assertTrue(r.err().startsWith("ticket: not allowed"), r.err());
    }
}
