package dev.ticket.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ticket.model.Role;
import dev.ticket.testing.ApiClient;
import dev.ticket.testing.RawHttp;
import dev.ticket.testing.ServeProcess;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SPEC 7.1 token guessing on a real serve: after 5 failed authentications a minute ({@code --auth-failures}) an
 * address gets 429 before its token is checked, except tokens that already worked from it; forwarding headers
 * count only from a {@code --trusted-proxy}; the request log names the address and never a token. Requests come
 * from distinct loopback source addresses (127.0.0.x), one per simulated client.
 */
class TokenGuessingTest {
    static final String PROXY = "127.0.0.50";

    @TempDir
    static Path dir;
    static ServeProcess serve;
    static ApiClient alice;
    static ApiClient bob;

    @BeforeAll
    static void start() {
        serve = ServeProcess.start(dir.resolve("data"), "--auth-failures", "5/min", "--trusted-proxy", PROXY + "/32",
                "--request-log");
        alice = serve.client("Alice", Role.CUSTOMER, "nat");
        bob = serve.client("Bob", Role.CUSTOMER, "nat");
    }

    @AfterAll
    static void stop() {
        serve.close();
    }

    static RawHttp.Answer me(String from, String token, Map<String, String> extra) {
        Map<String, String> headers = new HashMap<>(extra);
        headers.put("Authorization", "Bearer " + token);
        return RawHttp.get(serve.url(), from, "/api/v1/me", headers);
    }

    @Test
    void aGuessingAddressIsThrottledWhileATokenThatWorkedThereKeepsWorking() {
        String nat = "127.0.0.10";
        assertEquals(200, me(nat, alice.token(), Map.of()).status()); // Alice works from behind this NAT
        for (int i = 0; i < 5; i++) {
            assertEquals(401, me(nat, "tkt_guess" + i, Map.of()).status());
        }
        RawHttp.Answer throttled = me(nat, "tkt_guess-more", Map.of());
        assertEquals(429, throttled.status(), throttled.toString());
        assertTrue(throttled.header("Content-Type").startsWith("application/problem+json"));
        assertTrue(throttled.body().contains("\"type\":\"too-many-failures\""), throttled.body());
        long retryAfter = Long.parseLong(throttled.header("Retry-After"));
        assertTrue(retryAfter >= 1 && retryAfter <= 60, "Retry-After " + retryAfter);
        // a valid token never used from here is refused like a guess: the guesser cannot tell them apart
        assertEquals(429, me(nat, bob.token(), Map.of()).status());
        // Alice's token worked from here before: she keeps working
        assertEquals(200, me(nat, alice.token(), Map.of()).status());
        // and the throttle is per address: Bob from elsewhere is fine
        assertEquals(200, me("127.0.0.11", bob.token(), Map.of()).status());
    }

    @Test
    void forwardingHeadersCountOnlyFromATrustedProxy() {
        // behind the trusted proxy, client 10.1.1.1 guesses until it is throttled
        for (int i = 0; i < 5; i++) {
            assertEquals(401, me(PROXY, "tkt_bad" + i, Map.of("X-Forwarded-For", "10.1.1.1")).status());
        }
        assertEquals(429, me(PROXY, bob.token(), Map.of("X-Forwarded-For", "10.1.1.1")).status());
        // another client behind the same proxy is not
        assertEquals(200, me(PROXY, bob.token(), Map.of("X-Forwarded-For", "10.1.1.2")).status());
        assertEquals(200, me(PROXY, bob.token(), Map.of("Forwarded", "for=10.1.1.3;proto=http")).status());
        // from an untrusted peer the header is ignored: posing as 10.1.1.1 neither frees nor blames anyone
        String untrusted = "127.0.0.60";
        assertEquals(200, me(untrusted, bob.token(), Map.of("X-Forwarded-For", "10.1.1.1")).status());
        for (int i = 0; i < 5; i++) {
            assertEquals(401, me(untrusted, "tkt_spoof" + i, Map.of("X-Forwarded-For", "10.9.9." + i)).status());
        }
        assertEquals(429, me(untrusted, "tkt_spoof-more", Map.of("X-Forwarded-For", "10.9.9.99")).status());
        // the log names the client address the throttle used, and never a token
        assertTrue(ServeProcess.await(Duration.ofSeconds(10),
                () -> serve.output().stream().anyMatch(l -> l.contains("client_address=10.1.1.2"))),
                "no client_address=10.1.1.2 logged");
        assertTrue(serve.output().stream().anyMatch(l -> l.contains("status=429")
                && l.contains("client_address=" + untrusted)));
        for (String line : serve.output()) {
            assertFalse(line.contains("tkt_"), "a token in the log: " + line);
        }
    }
}
