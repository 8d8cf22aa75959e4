package dev.ticket.tui;

import static org.junit.jupiter.api.Assertions.*;

import dev.ticket.model.Attachment;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DownloadsTest {
    private static final String ABC_SHA256 = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";

    @TempDir
    Path dir;

    private static void send(java.io.OutputStream sink, String text) {
        try {
            sink.write(text.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void a_download_whose_checksum_matches_is_saved() throws IOException {
        Attachment a = new Attachment(1, "a.txt", "text/plain", 3, ABC_SHA256);
        Downloads.save(a, dir.resolve("a.txt"), sink -> send(sink, "abc"));
        assertEquals("abc", Files.readString(dir.resolve("a.txt")));
        assertEquals(1, count());
    }

    @Test
    void a_damaged_download_is_not_saved_and_leaves_nothing_behind() throws IOException {
        Attachment a = new Attachment(1, "a.txt", "text/plain", 3, ABC_SHA256);
        TuiBackend.BackendException e = assertThrows(TuiBackend.BackendException.class,
                () -> Downloads.save(a, dir.resolve("a.txt"), sink -> send(sink, "abd")));
        assertEquals("a.txt arrived damaged (its SHA-256 does not match); it was not saved.", e.getMessage());
        assertEquals(0, count());
    }

    @Test
    void a_file_that_appeared_meanwhile_is_not_overwritten() throws IOException {
        Attachment a = new Attachment(1, "a.txt", "text/plain", 3, ABC_SHA256);
        Path target = dir.resolve("a.txt");
        assertThrows(TuiBackend.BackendException.class, () -> Downloads.save(a, target, sink -> {
            send(sink, "abc");
            try {
                Files.writeString(target, "mine");
            } catch (IOException io) {
                throw new UncheckedIOException(io);
            }
        }));
        assertEquals("mine", Files.readString(target));
        assertEquals(1, count());
    }

    private long count() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.count();
        }
    }
}
