package dev.ticket.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ticket.model.Role;
import dev.ticket.model.User;
import dev.ticket.testing.ApiClient;
import dev.ticket.testing.MutableClock;
import dev.ticket.testing.TestService;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A token's last use is written at most once a minute (reads stay reads); expiry follows the service's clock. */
class TokenUseAndExpiryClockTest {
    static final MutableClock clock = new MutableClock(Instant.parse("2026-03-02T08:00:00Z"));
    @RegisterExtension
    static final TestService service = TestService.perClass(UnaryOperator.identity(), clock);

    private static String lastUsed(long userId) {
        for (JsonNode token : service.admin().get("/admin/tokens").expect(200).json().get("items")) {
            if (token.get("user_id").asLong() == userId) {
                return token.path("last_used_at").asText("never");
            }
        }
        throw new AssertionError("no token of user " + userId);
    }

    @Test
    void last_use_is_written_once_a_minute_however_many_requests_come() {
        User user = service.addUser("Busy", Role.AGENT, null);
        ApiClient busy = new ApiClient(service.url(), user.token());
        assertEquals("never", lastUsed(user.id()));
        Instant first = clock.instant();
        busy.get("/me").expect(200);
        assertEquals(first.toString(), lastUsed(user.id()));
        clock.advance(Duration.ofSeconds(30));
        for (int i = 0; i < 50; i++) {
            busy.get("/me").expect(200);
        }
        assertEquals(first.toString(), lastUsed(user.id()), "written again within the minute");
        clock.advance(Duration.ofSeconds(31));
        busy.get("/me").expect(200);
        assertEquals(first.plusSeconds(61).toString(), lastUsed(user.id()));
    }

    @Test
    void a_token_works_until_its_expiry_and_not_a_moment_after() {
        User user = service.admin().post("/users", Map.of("name", "Contractor", "role", "agent",
                "expires_in", 3600)).expect(201).as(User.class);
        ApiClient contractor = new ApiClient(service.url(), user.token());
        clock.advance(Duration.ofMinutes(59));
        contractor.get("/me").expect(200);
        clock.advance(Duration.ofMinutes(1));
        JsonNode problem = contractor.get("/me").expect(401).json();
        assertTrue(problem.get("detail").asText().contains("expired at " + clock.instant()), problem.toString());
    }
}
