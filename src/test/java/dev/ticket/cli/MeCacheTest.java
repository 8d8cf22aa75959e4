package dev.ticket.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ticket.testing.RecordingProxy;
import dev.ticket.testing.TestService;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Who the token is ({@code GET /api/v1/me}: the role that picks {@code ticket list}'s columns) is kept in
 * ~/.cache/ticket/me.json for ten minutes, for the server and token it was asked with: a listing asks once, not every
 * time; {@code ticket whoami}, another token or an older file asks again. Through a real service
 * behind a recording proxy, which counts the requests.
 */
class MeCacheTest {
    @RegisterExtension
    static final TestService service = TestService.perClass();

    @Test
    void a_listing_asks_who_the_token_is_once_in_ten_minutes_for_that_token_only() throws Exception {
        try (RecordingProxy proxy = new RecordingProxy(service.url())) {
            CliHarness cli = CliHarness.customer(service).through(proxy.url());
            String olga = cli.token();
            cli.ok("new", "-t", "Booking link is blank", "-m", "since yesterday", "-q");
            String first = cli.ok("list");
            assertFalse(first.contains("ACCOUNT"), "a customer's columns: " + first);
            assertEquals(1, proxy.asked("/api/v1/me"));
            Path kept = cli.configHome().resolve(".cache/ticket/me.json");
            assertTrue(Files.readString(kept).contains("\"customer\""), Files.readString(kept));
            assertFalse(Files.readString(kept).contains(olga), "the token is not kept");

            assertEquals(first, cli.ok("list"));
            assertEquals(1, proxy.asked("/api/v1/me"), "a second listing within ten minutes uses the kept answer");

            cli.ok("whoami");
            assertEquals(2, proxy.asked("/api/v1/me"), "ticket whoami always asks the service");

            String agents = cli.token(service.agent().token()).ok("list");
            assertTrue(agents.contains("ACCOUNT") && agents.contains("acme"), "an agent's columns: " + agents);
            assertEquals(3, proxy.asked("/api/v1/me"), "another token is asked for, not taken from the kept answer");
            assertEquals(first, cli.token(olga).ok("list"));
            assertEquals(4, proxy.asked("/api/v1/me"));

            Files.setLastModifiedTime(kept, FileTime.from(Instant.now().minus(Duration.ofMinutes(11))));
            assertEquals(first, cli.ok("list"));
            assertEquals(5, proxy.asked("/api/v1/me"), "an answer older than ten minutes is asked again");

            Files.writeString(kept, "{not json");
            assertEquals(first, cli.ok("list"), "a broken file is no file");
            assertEquals(6, proxy.asked("/api/v1/me"));
        }
    }
}
