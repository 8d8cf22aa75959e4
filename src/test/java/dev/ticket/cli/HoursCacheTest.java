package dev.ticket.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
 * The business hours the "due in" words count with are kept beside the recent ids (~/.cache/ticket/hours.json) for
 * ten minutes: a listing asks {@code GET /api/v1/hours} once, not every time; {@code ticket hours}, an older file or
 * another server asks again. Through a real service behind a recording proxy, which counts the requests.
 */
class HoursCacheTest {
    @RegisterExtension
    static final TestService service = TestService.perClass();

    @Test
    void a_listing_asks_the_hours_once_in_ten_minutes_and_ticket_hours_always() throws Exception {
        CliHarness direct = CliHarness.customer(service);
        try (RecordingProxy proxy = new RecordingProxy(service.url())) {
            CliHarness cli = direct.through(proxy.url());
            String id = cli.open("Booking link is blank", "since yesterday");
            String first = cli.ok("list");
            assertTrue(first.contains("due in "), first);
            assertEquals(1, proxy.asked("/api/v1/hours"));
            Path kept = cli.configHome().resolve(".cache/ticket/hours.json");
            assertTrue(Files.readString(kept).contains(proxy.url()), Files.readString(kept));

            assertEquals(first, cli.ok("list"), "the same words from the kept hours");
            assertTrue(cli.ok("show", id, "--no-read").contains("due in "));
            assertEquals(1, proxy.asked("/api/v1/hours"), "list and show within ten minutes use the kept hours");

            cli.ok("hours");
            assertEquals(2, proxy.asked("/api/v1/hours"), "ticket hours always asks the service");

            Files.setLastModifiedTime(kept, FileTime.from(Instant.now().minus(Duration.ofMinutes(11))));
            assertEquals(first, cli.ok("list"));
            assertEquals(3, proxy.asked("/api/v1/hours"), "kept hours older than ten minutes are asked again");

            Files.createDirectories(direct.configHome().resolve(".cache/ticket"));
            Files.copy(kept, direct.configHome().resolve(".cache/ticket/hours.json"));
            Files.writeString(kept, "{not json");
            assertEquals(first, cli.ok("list"), "a broken file is no file");
            assertEquals(4, proxy.asked("/api/v1/hours"));
            assertEquals(first, direct.ok("list"));
            assertTrue(Files.readString(direct.configHome().resolve(".cache/ticket/hours.json"))
                    .contains(service.url()), "hours kept for another server are not this one's");
        }
    }
}
