package dev.ticket.cli.config;

import dev.ticket.cli.output.Shown;
import dev.ticket.model.Ticket;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The ticket ids the shell completions offer: {@code $XDG_CACHE_HOME/ticket/recent-ids} (else
 * {@code ~/.cache/ticket/recent-ids}), one {@code ID<TAB>TITLE} a line, most recently seen first. Commands that
 * fetch tickets (list, show, new) put them in front; {@code ticket completion --refresh-ids}, which the scripts run
 * in the background when the file is over a minute old, rewrites it from the service. The scripts read it without
 * starting a JVM, so a Tab answers in milliseconds. Never fails a command: a cache that cannot be written is skipped.
 */
public final class RecentIds {
    /** The marker in {@code completionCandidates} the completion scripts replace with a read of the file. */
    public static final String COMPLETION_MARKER = "@@ticket-ids@@";
    public static final int KEPT = 50;
    private static final int TITLE_WIDTH = 60;

    private RecentIds() {
    }

    /** For completion scripts: a marker they replace with the recent ticket ids. */
    public static final class Candidates implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return List.of(COMPLETION_MARKER).iterator();
        }
    }

    public static Path file(Map<String, String> env) {
        String xdg = env.get("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : ConfigFile.home(env).resolve(".cache");
        return base.resolve("ticket").resolve("recent-ids");
    }

    /** Puts {@code tickets} in front of the ids already kept. */
    public static void remember(Map<String, String> env, List<Ticket> tickets) {
        update(env, tickets, false);
    }

    /** Keeps only {@code tickets} (a fresh list from the service). */
    public static void replace(Map<String, String> env, List<Ticket> tickets) {
        update(env, tickets, true);
    }

    /** The kept lines, most recent first; empty when there is no file. */
    public static List<String> lines(Map<String, String> env) {
        try {
            return Files.readAllLines(file(env), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return List.of();
        }
    }

    private static void update(Map<String, String> env, List<Ticket> tickets, boolean replace) {
        if (tickets.isEmpty() && !replace) {
            return;
        }
        Path file = file(env);
        try {
            Map<String, String> kept = new LinkedHashMap<>();
            for (Ticket t : tickets) {
                kept.putIfAbsent(Long.toString(t.id()), Long.toString(t.id()) + '\t' + title(t.title()));
            }
            if (!replace) {
                for (String line : lines(env)) {
                    int tab = line.indexOf('\t');
                    kept.putIfAbsent(tab < 0 ? line : line.substring(0, tab), line);
                }
            }
            List<String> out = new ArrayList<>(kept.values());
            write(file, String.join("\n", out.subList(0, Math.min(KEPT, out.size()))) + (out.isEmpty() ? "" : "\n"));
        } catch (IOException | RuntimeException e) {
            // completion is a convenience: a read-only home or a full disk must not fail the command
        }
    }

    /** One line, tab-free, inert (no terminal controls: the shell shows it as a description), at most 60 wide. */
    private static String title(String title) {
        String line = Shown.line(title == null ? "" : title.replace('\t', ' '));
        return line.length() <= TITLE_WIDTH ? line : line.substring(0, TITLE_WIDTH - 1) + "…";
    }

    /** Writes a cache file of the completions whole (or not at all), private to the user; unchanged: no write. */
    static void write(Path file, String text) throws IOException {
        if (Files.isRegularFile(file) && Files.readString(file, StandardCharsets.UTF_8).equals(text)) {
            return; // nothing new: no write at all
        }
        replace(file, text.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Replaces {@code file} (in the cache directory, made private if missing) with {@code bytes} at once: written
     * beside it, then moved over it, so a reader never sees half of it.
     */
    static void replace(Path file, byte[] bytes) throws IOException {
        Path dir = file.getParent();
        if (!Files.isDirectory(dir)) {
            Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        }
        // Named by the process rather than Files.createTempFile, whose SecureRandom costs a short command ~20 ms.
        Path tmp = dir.resolve(file.getFileName() + "." + ProcessHandle.current().pid() + ".tmp");
        Files.deleteIfExists(tmp);
        Files.createFile(tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        try {
            Files.write(tmp, bytes);
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
