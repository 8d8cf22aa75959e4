package dev.ticket.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ticket.model.Json;
import dev.ticket.model.Role;
import dev.ticket.service.ServiceSettings;
import dev.ticket.testing.SqliteFile;
import dev.ticket.testing.TestService;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** {@code ticket attach}, {@code download}, {@code -a} on new and reply, and {@code show}, against a real service. */
class AttachmentCommandsTest {
    static final int LIMIT = 64 * 1024;
    @RegisterExtension
    static final TestService service = TestService.perClass(s -> s.withService(new ServiceSettings(ServiceSettings.DEFAULT_TOPICS, LIMIT, 3,
                100_000)));

    @TempDir
    Path dir;
    CliHarness olga;
    static int customers;

    @BeforeEach
    void customer() {
        olga = CliHarness.as(service, "Olga " + ++customers, Role.CUSTOMER, "acme"); // a name names one user
    }

    Path file(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }

    String open() {
        return olga.open("Widget broken", "It broke.");
    }

    JsonNode ticket(String id) throws IOException {
        return Json.mapper().readTree(olga.ok("show", id, "--json", "--no-read"));
    }

    static List<String> listing(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void attach_sends_the_files_with_a_message_and_show_lists_each_with_name_size_and_id() throws Exception {
        String id = open();
        CliHarness.Result r = olga.run("attach", "#" + id, file("app.log", "boom\n").toString(),
                file("notes.txt", "more").toString(), "-m", "Logs attached.");
        assertEquals(0, r.exit(), r.toString());
        JsonNode message = ticket(id).get("messages").get(1);
        assertEquals("Logs attached.", message.get("body").asText());
        long logId = message.get("attachments").get(0).get("id").asLong();
        long notesId = message.get("attachments").get(1).get("id").asLong();
        assertEquals("Attached app.log (5 B) to #" + id + " as file " + logId + ".\n"
                + "Attached notes.txt (4 B) to #" + id + " as file " + notesId + ".\n", r.out());
        String shown = olga.ok("show", id);
        assertTrue(shown.contains("[file " + logId + "] app.log (5 B)"), shown);
        assertTrue(shown.contains("[file " + notesId + "] notes.txt (4 B)"), shown);
    }

    @Test
    void new_and_reply_take_files_with_repeatable_dash_a() throws Exception {
        String id = olga.ok("new", "-t", "Screens", "-m", "Two screenshots.", "-a", file("one.png", "1").toString(),
                "--attach", file("two.png", "2").toString(), "-q").strip();
        olga.ok("reply", id, "-a", file("отчёт «3».txt", "3").toString());
        JsonNode messages = ticket(id).get("messages");
        assertEquals(2, messages.get(0).get("attachments").size());
        assertEquals("", messages.get(1).get("body").asText());
        assertEquals("отчёт «3».txt", messages.get(1).get("attachments").get(0).get("filename").asText());
    }

    @Test
    void download_saves_every_attachment_checked_and_never_overwrites_without_force() throws Exception {
        String id = open();
        olga.ok("attach", id, file("a.txt", "first").toString(), file("b.txt", "second").toString());
        Path out = dir.resolve("out");
        CliHarness.Result saved = olga.run("download", id, "-o", out.toString());
        assertEquals(0, saved.exit(), saved.toString());
        assertEquals("Saved " + out.resolve("a.txt") + " (5 B, SHA-256 checked)\n"
                + "Saved " + out.resolve("b.txt") + " (6 B, SHA-256 checked)\n", saved.out());
        assertEquals("first", Files.readString(out.resolve("a.txt")));
        Path probe = Files.createFile(dir.resolve("made-with-the-umask"));
        assertEquals(Files.getPosixFilePermissions(probe), Files.getPosixFilePermissions(out.resolve("a.txt")),
                "a saved file gets the user's umask, as any download does");
        Files.writeString(out.resolve("b.txt"), "mine");
        CliHarness.Result refused = olga.run("download", id, "-o", out.toString());
        assertEquals(2, refused.exit());
        assertEquals("ticket: " + out.resolve("a.txt") + " already exists; nothing was downloaded "
                + "(use --force to overwrite)\n", refused.err());
        assertEquals("mine", Files.readString(out.resolve("b.txt")));
        olga.ok("download", id, "-o", out.toString(), "--force");
        assertEquals("second", Files.readString(out.resolve("b.txt")));
        assertEquals(List.of("a.txt", "b.txt"), listing(out));
    }

    @Test
    void download_of_one_attachment_by_id_and_of_an_unknown_one() throws Exception {
        String id = open();
        olga.ok("attach", id, file("a.txt", "first").toString(), file("b.txt", "second").toString());
        long second = ticket(id).get("messages").get(1).get("attachments").get(1).get("id").asLong();
        Path out = dir.resolve("one");
        JsonNode json = Json.mapper().readTree(olga.ok("download", id, "--attachment", String.valueOf(second),
                "-o", out.toString(), "--json"));
        assertEquals("b.txt", json.get(0).get("filename").asText());
        assertEquals(out.resolve("b.txt").toString(), json.get(0).get("path").asText());
        assertEquals(List.of("b.txt"), listing(out));
        CliHarness.Result missing = olga.run("download", id, "--attachment", "999999", "-o", out.toString());
        assertEquals(4, missing.exit(), missing.toString());
    }

    @Test
    void stored_names_with_paths_or_control_characters_land_as_plain_names_inside_dir() throws Exception {
        String id = open();
        // the ids come from attach's own answer: the service caches a ticket once it is read, and the
        // tampering below goes around the service
        JsonNode files = Json.mapper().readTree(olga.ok("attach", id, file("x.txt", "one").toString(),
                file("y.txt", "two").toString(), file("z.txt", "three").toString(), "--json")).get("attachments");
        SqliteFile db = new SqliteFile(service.dataDir());
        db.update("UPDATE attachments SET filename = ? WHERE id = ?", "../../etc/passwd", files.get(0).get("id").asLong());
        db.update("UPDATE attachments SET filename = ? WHERE id = ?", "re\u001b[2Jport\n\u202e.txt",
                files.get(1).get("id").asLong());
        db.update("UPDATE attachments SET filename = ? WHERE id = ?", "..", files.get(2).get("id").asLong());
        Path out = Files.createDirectories(dir.resolve("jail").resolve("inner"));
        CliHarness.Result r = olga.run("download", id, "-o", out.toString());
        assertEquals(0, r.exit(), r.toString());
        assertEquals(List.of("attachment-" + files.get(2).get("id").asLong(), "passwd", "re[2Jport.txt"),
                listing(out));
        assertEquals(List.of("inner"), listing(dir.resolve("jail")));
        assertFalse(r.out().contains("\u001b"), r.out());
        assertFalse(olga.ok("show", id).contains("\u001b"));
    }

    @Test
    void a_damaged_download_is_refused_and_leaves_nothing_in_dir() throws Exception {
        String id = open();
        olga.ok("attach", id, file("data.txt", "the original bytes").toString());
        String sha = ticket(id).get("messages").get(1).get("attachments").get(0).get("sha256").asText();
        Path blob = service.dataDir().resolve("blobs").resolve(sha.substring(0, 2)).resolve(sha);
        Files.writeString(blob, "the tampered bytes");
        Path out = dir.resolve("out");
        CliHarness.Result r = olga.run("download", id, "-o", out.toString());
        assertEquals(1, r.exit(), r.toString());
        assertTrue(r.err().contains("arrived damaged"), r.err());
        assertEquals(List.of(), listing(out));
    }

    @Test
    void a_file_over_the_limit_exits_2_naming_the_limit_before_anything_is_sent() throws Exception {
        String id = open();
        Path big = Files.write(dir.resolve("big.bin"), new byte[LIMIT + 1]);
        long messages = new SqliteFile(service.dataDir()).count("messages");
        CliHarness.Result r = olga.run("attach", id, big.toString());
        assertEquals(2, r.exit(), r.toString());
        assertEquals("ticket: big.bin is 65,537 bytes, over the service's limit of 65,536 bytes per file\n", r.err());
        Path bigger = Files.write(dir.resolve("bigger.bin"), new byte[LIMIT * 3 / 2]);
        assertEquals("ticket: bigger.bin is 96 KiB, over the service's limit of 64 KiB per file\n",
                olga.run("attach", id, bigger.toString()).err());
        CliHarness.Result many = olga.run("new", "-t", "Many", "-m", "files", "-a", file("1", "1").toString(),
                "-a", file("2", "2").toString(), "-a", file("3", "3").toString(), "-a", file("4", "4").toString());
        assertEquals(2, many.exit(), many.toString());
        assertTrue(many.err().contains("a message takes at most 3 files"), many.err());
        assertEquals(messages, new SqliteFile(service.dataDir()).count("messages"));
    }

    /** A named pipe fed {@code bytes} by a background thread (which gives up when the reader goes away). */
    Path pipe(String name, byte[] bytes) throws Exception {
        Path fifo = dir.resolve(name);
        assertEquals(0, new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor());
        Thread writer = new Thread(() -> {
            try (var out = Files.newOutputStream(fifo)) {
                for (int off = 0; off < bytes.length; off += 64 * 1024) {
                    out.write(bytes, off, Math.min(64 * 1024, bytes.length - off));
                }
            } catch (IOException e) {
                // the CLI stopped reading
            }
        }, "fifo-writer");
        writer.setDaemon(true);
        writer.start();
        return fifo;
    }

    @Test
    void a_pipe_over_the_limit_whose_size_the_cli_cannot_know_gets_the_413_and_exits_2_naming_the_limit()
            throws Exception {
        String id = open();
        long messages = new SqliteFile(service.dataDir()).count("messages");
        byte[] big = new byte[32 * 1024 * 1024];
        new java.util.Random(7).nextBytes(big);
        CliHarness.Result r = olga.run("attach", id, pipe("stream.bin", big).toString());
        assertEquals(2, r.exit(), r.toString());
        assertEquals("ticket: File 'stream.bin' is larger than the limit of 64 KiB.\n", r.err());
        assertEquals(messages, new SqliteFile(service.dataDir()).count("messages"));
        try (Stream<Path> temps = Files.list(service.dataDir().resolve("blobs").resolve("tmp"))) {
            assertEquals(0, temps.count());
        }

        byte[] small = "a log from a pipe\n".repeat(1000).getBytes(StandardCharsets.UTF_8);
        CliHarness.Result ok = olga.run("attach", id, pipe("piped.log", small).toString(), "-q");
        assertEquals(0, ok.exit(), ok.toString());
        JsonNode file = ticket(id).get("messages").get(1).get("attachments").get(0);
        assertEquals("piped.log", file.get("filename").asText());
        assertEquals(small.length, file.get("size").asLong());
    }

    @Test
    void a_missing_file_exits_2_and_a_done_ticket_takes_no_files_exit_5() throws Exception {
        String id = open();
        CliHarness.Result missing = olga.run("attach", id, dir.resolve("nope.png").toString());
        assertEquals(2, missing.exit());
        assertTrue(missing.err().contains("no such file"), missing.err());
        olga.ok("close", id);
        CliHarness.Result closed = olga.run("attach", id, file("late.txt", "late").toString());
        assertEquals(5, closed.exit(), closed.toString());
        assertTrue(closed.err().contains("ticket new --ref " + id), closed.err());
    }

    @Test
    void the_progress_bar_shows_on_a_terminal_and_never_in_scripts() throws Exception {
        String id = open();
        Path data = Files.write(dir.resolve("data.bin"), new byte[LIMIT]);
        CliHarness.Result script = olga.run("attach", id, data.toString());
        assertEquals("", script.err());
        CliHarness.Result terminal = olga.tty(true).env("NO_COLOR", "1").run("attach", id, data.toString(), "-m", "x");
        assertEquals(0, terminal.exit(), terminal.toString());
        assertTrue(terminal.err().contains("Uploading") && terminal.err().contains("100%"), terminal.err());
        CliHarness.Result json = olga.run("attach", id, data.toString(), "--json");
        assertEquals("", json.err());
        assertEquals(LIMIT, Json.mapper().readTree(json.out()).get("attachments").get(0).get("size").asInt());
    }
}
