package dev.ticket.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import dev.ticket.client.ClientConfig;
import dev.ticket.client.HttpTicketClient;
import dev.ticket.client.TicketClient;
import dev.ticket.model.Json;
import dev.ticket.model.Message;
import dev.ticket.model.Role;
import dev.ticket.testing.ApiClient;
import dev.ticket.testing.TestService;
import dev.ticket.tui.ClientBackend;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * SPEC 7.2: file names keep spaces and any Unicode on the way up (CLI and chat view) and down (JSON, the
 * {@code Content-Disposition} of the download, {@code ticket download}); and a service that refuses a field the
 * CLI sends is named as older than the CLI, with the flag.
 */
class FileNamesAndOlderServiceTest {
    static final List<String> NAMES = List.of("screen shot.png", "Снимок экрана.png", "say \"hi\".txt",
            "a;b=c.txt", "100% done %41.txt", "emoji 😀 👩‍💻.txt", "it's (1) [x] {y} & z+w~.log", "tab\tless.txt");

    @RegisterExtension
    static final TestService service = TestService.perClass();

    @TempDir
    Path dir;

    /** The name a file keeps: what a control character (the tab) would do to a terminal is dropped. */
    static String kept(String name) {
        return name.replace("\t", "");
    }

    @Test
    void names_survive_ticket_attach_the_json_the_download_header_and_ticket_download_byte_for_byte()
            throws Exception {
        CliHarness olga = CliHarness.as(service, "Olga", Role.CUSTOMER, "acme");
        String id = olga.open("Names", "Files with names.");
        Path up = Files.createDirectories(dir.resolve("up"));
        List<String> args = new ArrayList<>(List.of("attach", id));
        for (int i = 0; i < NAMES.size(); i++) {
            args.add(Files.writeString(up.resolve(NAMES.get(i)), "content " + i).toString());
        }
        // the service takes 10 files a message by default
        CliHarness.Result attached = olga.run(args.toArray(String[]::new));
        assertEquals(0, attached.exit(), attached.toString());

        JsonNode files = Json.mapper().readTree(olga.ok("show", id, "--json", "--no-read"))
                .at("/messages/1/attachments");
        ApiClient api = new ApiClient(service.url(), olga.token());
        for (int i = 0; i < NAMES.size(); i++) {
            JsonNode file = files.get(i);
            assertEquals(kept(NAMES.get(i)), file.get("filename").asText(), "JSON filename");
            ApiClient.Reply download = api.get("/attachments/" + file.get("id").asLong()).expect(200);
            assertEquals(kept(NAMES.get(i)), extendedFileName(download.header("Content-Disposition")),
                    download.header("Content-Disposition"));
            String fallback = plainFileName(download.header("Content-Disposition"));
            assertTrue(fallback.chars().allMatch(c -> c >= 0x20 && c < 0x7f && c != '%'), fallback);
        }

        Path down = dir.resolve("down");
        CliHarness.Result saved = olga.run("download", id, "-o", down.toString());
        assertEquals(0, saved.exit(), saved.toString());
        for (int i = 0; i < NAMES.size(); i++) {
            Path file = down.resolve(kept(NAMES.get(i)));
            assertTrue(Files.exists(file), "downloaded as " + file.getFileName() + ": " + saved);
            assertArrayEquals(("content " + i).getBytes(StandardCharsets.UTF_8), Files.readAllBytes(file));
        }
    }

    @Test
    void the_chat_views_upload_keeps_the_name_too() throws Exception {
        ApiClient customer = service.client("Ivan", Role.CUSTOMER, "acme");
        long id = customer.post("/tickets", new dev.ticket.model.NewTicket("From the chat view", "See file.", null,
                null, null, null, null, null)).expect(201).json().get("id").asLong();
        Path file = Files.writeString(dir.resolve("Скриншот 2026 \"final\" 😀.png"), "png");
        try (TicketClient client = new HttpTicketClient(ClientConfig.of(URI.create(service.url()), customer.token()))) {
            Message sent = new ClientBackend(client).attach(id, file, "");
            assertEquals("Скриншот 2026 \"final\" 😀.png", sent.attachments().get(0).filename());
        }
    }

    @Test
    void a_service_that_refuses_a_field_the_cli_sends_is_named_older_and_the_flag_is_named() throws Exception {
        HttpServer older = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        older.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            byte[] body = ("{\"type\":\"bad-request\",\"title\":\"Bad request\",\"status\":400,"
                    + "\"detail\":\"Unknown field 'dialog_url'; this service does not take it.\","
                    + "\"instance\":\"/api/v1/tickets\"}").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/problem+json");
            exchange.sendResponseHeaders(400, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        older.start();
        try {
            CliHarness cli = new CliHarness("http://127.0.0.1:" + older.getAddress().getPort()).token("t0ken");
            CliHarness.Result r = cli.run("new", "-t", "Widget", "-m", "It broke.", "--dialog",
                    "https://app.example.com/d/1");
            assertEquals(2, r.exit(), r.toString());
            assertTrue(r.err().contains("older than this CLI"), r.err());
            assertTrue(r.err().contains("--dialog"), r.err());
            assertEquals(1, r.err().strip().lines().count(), r.err());
        } finally {
            older.stop(0);
        }
    }

    /** The RFC 5987 {@code filename*} of a Content-Disposition, decoded. */
    static String extendedFileName(String header) throws IOException {
        Matcher m = Pattern.compile("filename\\*=UTF-8''([^;\\s]+)").matcher(header);
        assertTrue(m.find(), "no filename* in " + header);
        String encoded = m.group(1);
        assertTrue(encoded.matches("[A-Za-z0-9!#$&+\\-.^_`|~%]+"), "only RFC 5987 attr-chars: " + encoded);
        return URLDecoder.decode(encoded.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    static String plainFileName(String header) {
        Matcher m = Pattern.compile("filename=\"([^\"]*)\"").matcher(header);
        assertTrue(m.find(), header);
        return m.group(1);
    }
}
