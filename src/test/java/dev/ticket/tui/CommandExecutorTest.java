package dev.ticket.tui;

import static org.junit.jupiter.api.Assertions.*;

import dev.ticket.model.Attachment;
import dev.ticket.model.Message;
import dev.ticket.model.NewTicket;
import dev.ticket.model.Ticket;
import dev.ticket.model.User;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Commands on real files, with a fake service that records what reached it. */
class CommandExecutorTest {
    @TempDir
    Path dir;

    private final List<String> reached = new ArrayList<>();

    private CommandExecutor executor() {
        return new CommandExecutor(new FakeBackend(), m -> { }, new PathCompleter(dir, dir.resolve("home")), dir);
    }

    @Test
    void download_saves_under_the_attachments_own_name_and_never_outside_the_directory() {
        Msg saved = executor().run(new Cmd.Download(Fixtures.file(7, "../../etc/passwd", 3)));
        assertEquals(dir.resolve("passwd"), ((Msg.Downloaded) saved).path());
        Msg control = executor().run(new Cmd.Download(Fixtures.file(8, "a\u001bb", 3)));
        assertEquals(dir.resolve("attachment-8"), ((Msg.Downloaded) control).path());
    }

    @Test
    void download_never_overwrites_a_file_that_is_there() throws IOException {
        Files.writeString(dir.resolve("dialog.txt"), "mine");
        Msg m = executor().run(new Cmd.Download(Fixtures.file(9, "dialog.txt", 3)));
        Msg.Failed failed = (Msg.Failed) m;
        assertTrue(failed.text().endsWith("dialog.txt already exists; it was not overwritten."), failed.text());
        assertEquals("mine", Files.readString(dir.resolve("dialog.txt")));
        assertTrue(reached.isEmpty(), "nothing was asked of the service");
    }

    @Test
    void attaching_a_missing_file_says_so_without_asking_the_service() {
        Msg m = executor().run(new Cmd.Attach(12, "nope.png", "see"));
        assertEquals("No readable file at nope.png.", ((Msg.Failed) m).text());
        assertTrue(reached.isEmpty());
    }

    @Test
    void attaching_resolves_home_and_relative_paths() throws IOException {
        Files.createDirectories(dir.resolve("home/shots"));
        Files.writeString(dir.resolve("home/shots/a.png"), "png");
        Files.writeString(dir.resolve("b.txt"), "txt");
        executor().run(new Cmd.Attach(12, "~/shots/a.png", ""));
        executor().run(new Cmd.Attach(12, "b.txt", "with text"));
        assertEquals(List.of("attach 12 " + dir.resolve("home/shots/a.png") + " ''",
                "attach 12 " + dir.resolve("b.txt") + " 'with text'"), reached);
    }

    @Test
    void tab_completion_lists_matching_files_and_marks_directories() throws IOException {
        Files.createDirectories(dir.resolve("screens"));
        Files.writeString(dir.resolve("script.sh"), "");
        Files.writeString(dir.resolve("other"), "");
        Files.writeString(dir.resolve(".secret"), "");
        Msg.PathCompleted c = (Msg.PathCompleted) executor().run(new Cmd.CompletePath("sc"));
        assertEquals(List.of("screens/", "script.sh"), c.candidates());
        Files.createDirectories(dir.resolve("home/Документы"));
        Msg.PathCompleted home = (Msg.PathCompleted) executor().run(new Cmd.CompletePath("~/Док"));
        assertEquals(List.of("~/Документы/"), home.candidates());
    }

    @Test
    void a_failure_in_the_service_becomes_one_sentence_not_a_trace() {
        Msg m = executor().run(new Cmd.LoadTicket(404));
        Msg.Failed failed = (Msg.Failed) m;
        assertEquals(Failure.NOT_FOUND, failed.kind());
        assertEquals("Ticket #404 was not found.", failed.text());
        Msg unexpected = executor().run(new Cmd.LoadTicket(500));
        assertEquals("Unexpected error: boom", ((Msg.Failed) unexpected).text());
    }

    /** A service that remembers calls and writes small files. */
    private final class FakeBackend implements TuiBackend {
        @Override
        public User me() {
            return Fixtures.ALICE;
        }

        @Override
        public List<Ticket> tickets(StatusFilter filter, String search, boolean teamQueueFirst) {
            return List.of();
        }

        @Override
        public Ticket ticket(long id) {
            if (id == 404) {
                throw new BackendException(Failure.NOT_FOUND, "Ticket #404 was not found.", null);
            }
            throw new IllegalStateException("boom");
        }

        @Override
        public Message reply(long ticketId, String body) {
            return null;
        }

        @Override
        public Message attach(long ticketId, Path file, String body) {
            reached.add("attach " + ticketId + " " + file + " '" + body + "'");
            return Fixtures.message(1, ticketId, Fixtures.ALICE_AUTHOR, body, Fixtures.NOW);
        }

        @Override
        public Ticket close(long ticketId) {
            return null;
        }

        @Override
        public void markRead(long ticketId) {
        }

        @Override
        public Ticket create(NewTicket ticket) {
            return null;
        }

        @Override
        public void download(Attachment attachment, Path target) {
            reached.add("download " + attachment.id());
            try {
                Files.writeString(target, "abc");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public AutoCloseable events(EventListener listener) {
            return () -> { };
        }
    }
}
