package dev.ticket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * What a build prints into a log: Maven 3.8's jansi ends the run with colour resets (ESC[0m) on both streams even
 * under -B and into a pipe, so a CI log of {@code mvn -B -q package} read "^[[0m^[[0mclass-data archive: ...".
 * .mvn/jvm.config turns that reset off (-Djansi.noreset=true); Maven's colours on a terminal stay as they were.
 */
class BuildOutputTest {
    static final boolean CI = "true".equals(System.getenv("CI"))
            || "1".equals(System.getenv("TICKET_REQUIRE_TOOLS"));

    @Test
    void a_batch_build_into_a_pipe_prints_no_escape_sequences() throws Exception {
        String mvn = onPath("mvn");
        assumeTrue(CI || mvn != null, "no mvn on PATH");
        // validate: Maven's own start and end, the part that wrote the resets, without building anything again
        Process build = new ProcessBuilder(mvn == null ? "mvn" : mvn, "-B", "-q", "-o", "validate")
                .redirectErrorStream(true).start();
        build.getOutputStream().close();
        String out = new String(build.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(true, build.waitFor(2, TimeUnit.MINUTES), "mvn validate did not finish");
        assertEquals(0, build.exitValue(), out);
        assertFalse(out.contains("\u001b"), "escape sequences in a batch build's output: "
                + out.replace("\u001b", "^["));
    }

    private static String onPath(String name) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path candidate = Path.of(dir, name);
            if (Files.isExecutable(candidate)) {
                return candidate.toString();
            }
        }
        return null;
    }
}
