package dev.ticket.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/** A small tmpfs mounted for a test that fills a file system up; the test is skipped where mounting is not allowed. */
public final class Tmpfs {
    private Tmpfs() {
    }

    /** Mounts a tmpfs of {@code size} (as mount says it: {@code 2m}) on {@code dir}, made first; returns it. */
    public static Path mount(Path dir, String size) throws IOException, InterruptedException {
        Files.createDirectories(dir);
        Process p = new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=" + size, "tmpfs", dir.toString())
                .redirectErrorStream(true).start();
        boolean mounted = p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
        Assumptions.assumeTrue(mounted, "cannot mount a tmpfs here: " + new String(p.getInputStream().readAllBytes()));
        return dir;
    }

    /** Unmounts it (lazily: whatever still holds a file in it lets go later). */
    public static void unmount(Path dir) throws IOException, InterruptedException {
        new ProcessBuilder("umount", "-l", dir.toString()).start().waitFor(30, TimeUnit.SECONDS);
    }
}
