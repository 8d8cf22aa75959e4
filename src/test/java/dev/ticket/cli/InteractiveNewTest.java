package dev.ticket.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ticket.model.Json;
import dev.ticket.model.Role;
import dev.ticket.testing.TestService;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class InteractiveNewTest {
    @RegisterExtension
    static final TestService service = TestService.perClass();

    @TempDir
    Path tmp;

    /** An $EDITOR that keeps a copy of the template and writes {@code text} above it. */
    private String editor(String text) throws Exception {
        Path script = tmp.resolve("editor.sh");
        Files.writeString(script, "#!/bin/sh\ncp \"$1\" '" + tmp.resolve("template.txt") + "'\n"
                + "{ printf '%s\\n' '" + text + "'; cat '" + tmp.resolve("template.txt") + "'; } > \"$1\"\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
        return script.toString();
    }

    @Test
    void on_a_terminal_new_asks_the_fields_then_opens_the_editor_on_the_seed_template() throws Exception {
        CliHarness anna = CliHarness.as(service, "Anna", Role.CUSTOMER, "acme").tty(true)
                .env("EDITOR", editor("Typed in the editor, #7 is related"))
                .stdin("Cannot connect Telegram\ncritical\nChannels\nhttps://app.example.com/chats/1\n");
        CliHarness.Result r = anna.run("new");
        assertEquals(0, r.exit(), r.toString());
        assertTrue(r.out().startsWith("Opened ticket #"), r.out());
        String id = r.out().replaceAll("(?s)Opened ticket #(\\d+):.*", "$1");
        JsonNode ticket = Json.mapper().readTree(anna.tty(false).ok("show", id, "--json"));
        assertEquals("Cannot connect Telegram", ticket.get("title").asText());
        assertEquals("critical", ticket.get("type").asText());
        assertEquals("Channels", ticket.get("about").asText());
        assertEquals("https://app.example.com/chats/1", ticket.get("dialog_url").asText());
        assertEquals("Typed in the editor, #7 is related", ticket.get("messages").get(0).get("body").asText());
        String template = Files.readString(tmp.resolve("template.txt"));
        assertTrue(template.contains("which AI employee or platform function"), template);
        assertTrue(template.contains("steps to reproduce"), template);
        assertTrue(template.contains("link to the dialog"), template);
    }

    @Test
    void an_empty_message_in_the_editor_cancels_with_exit_2_and_sends_nothing() throws Exception {
        CliHarness bob = CliHarness.as(service, "Bob", Role.CUSTOMER, "solo-cancel").tty(true)
                .env("EDITOR", "true").stdin("A title\n\n\n\n");
        CliHarness.Result r = bob.run("new");
        assertEquals(2, r.exit(), r.toString());
        assertTrue(r.err().contains("cancelled: the message is empty, nothing was sent"), r.toString());
        assertEquals("", bob.tty(false).ok("list", "-q"));
    }

    @Test
    void without_an_editor_the_message_is_asked_line_by_line() throws Exception {
        CliHarness cleo = CliHarness.as(service, "Cleo", Role.CUSTOMER, "acme").tty(true).env("EDITOR", null)
                .stdin("Line title\n\n\n\nfirst line\nsecond line\n.\n");
        CliHarness.Result r = cleo.run("new");
        assertEquals(0, r.exit(), r.toString());
        String id = r.out().replaceAll("(?s)Opened ticket #(\\d+):.*", "$1");
        JsonNode ticket = Json.mapper().readTree(cleo.tty(false).ok("show", id, "--json"));
        assertEquals("question", ticket.get("type").asText());
        assertEquals("first line\nsecond line", ticket.get("messages").get(0).get("body").asText());
    }

    @Test
    void reply_dash_e_uses_the_editor_and_drops_comment_lines() throws Exception {
        CliHarness anna = CliHarness.as(service, "Anya", Role.CUSTOMER, "acme");
        String id = anna.open("Edit reply", "x");
        anna.tty(true).env("EDITOR", editor("From the editor")).ok("reply", id, "-e");
        JsonNode ticket = Json.mapper().readTree(anna.tty(false).ok("show", id, "--json"));
        assertEquals("From the editor", ticket.get("messages").get(1).get("body").asText());
    }

    @Test
    void after_the_message_new_offers_files_asks_again_for_a_missing_one_and_uploads_them() throws Exception {
        Path shot = Files.writeString(tmp.resolve("screen shot.png"), "png bytes");
        Path log = Files.writeString(tmp.resolve("app.log"), "log line");
        CliHarness dora = CliHarness.as(service, "Dora", Role.CUSTOMER, "acme").tty(true)
                .env("EDITOR", editor("See the files"))
                .stdin("With files\n\n\n\n" + tmp.resolve("nope.png") + "\n" + tmp + "\n" + shot + "\n" + log
                        + "\n\n");
        CliHarness.Result r = dora.run("new");
        assertEquals(0, r.exit(), r.toString());
        assertTrue(r.err().contains("No such file: " + tmp.resolve("nope.png")), r.err());
        assertTrue(r.err().contains("Not a readable file: " + tmp), r.err());
        String id = r.out().replaceAll("(?s)Opened ticket #(\\d+):.*", "$1");
        JsonNode files = Json.mapper().readTree(dora.tty(false).ok("show", id, "--json"))
                .get("messages").get(0).get("attachments");
        assertEquals(2, files.size(), files.toString());
        assertEquals("screen shot.png", files.get(0).get("filename").asText());
        assertEquals("app.log", files.get(1).get("filename").asText());
    }
}
