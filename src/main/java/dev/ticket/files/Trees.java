package dev.ticket.files;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Removing a directory tree. */
public final class Trees {
    private Trees() {
    }

    /** Deletes {@code root} and everything under it, as far as it can; a missing root is fine. */
    public static void delete(Path root) {
        if (root == null || !Files.exists(root)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
                try {
                    Files.deleteIfExists(path);
                } catch (IOException e) {
                    // left behind: the next start's sweep of stale backup directories or the user removes it
                }
            }
        } catch (IOException e) {
            // the walk failed: nothing more to do here
        }
    }
}
