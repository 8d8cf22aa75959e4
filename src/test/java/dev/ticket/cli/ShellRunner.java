package dev.ticket.cli;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs a real shell on a script, for completion tests; skips the test where that shell is not installed. */
final class ShellRunner {
    private ShellRunner() {
    }

    static boolean installed(String shell) {
        return Arrays.stream(System.getenv().getOrDefault("PATH", "").split(":"))
                .anyMatch(dir -> Files.isExecutable(Path.of(dir, shell)));
    }

    /**
     * Skips a test that needs {@code shell} where it is not installed, but fails it in CI ({@code CI=true}), which
     * installs zsh and fish (.ci/run): there a skip would hide that the completion scripts went untested.
     */
    static void require(String shell, Map<String, String> env) {
        if (installed(shell)) {
            return;
        }
        if ("true".equalsIgnoreCase(env.getOrDefault("CI", ""))) {
            throw new AssertionError(shell + " is not installed, and CI must test its completion script "
                    + "(.ci/run installs zsh and fish)");
        }
        assumeTrue(false, shell + " is not installed");
    }

    /** Standard output of {@code shell -c script}, one line per element; fails on a non-zero exit. */
    static List<String> run(String shell, String script) throws IOException, InterruptedException {
        require(shell, System.getenv());
        Process process = new ProcessBuilder(shell, "-c", script)
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        process.getOutputStream().close();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError(shell + " did not finish in 30 s");
        }
        if (process.exitValue() != 0) {
            throw new AssertionError(shell + " exited " + process.exitValue() + ", printing:\n" + out);
        }
        return out.isEmpty() ? List.of() : List.of(out.split("\n"));
    }

    /** A single-quoted shell word (bash, zsh and fish agree on this form when the text has no quote). */
    static String quoted(Path path) {
        return "'" + path.toString().replace("'", "") + "'";
    }

    /**
     * The start of a zsh script that types into an interactive zsh (completion functions from {@code functions}
     * on its fpath) through zpty: {@code upto TEXT} waits until the screen, in {@code $screen}, shows TEXT.
     */
    static String zshTyping(Path functions) {
        return "setopt extendedglob\nzmodload zsh/zpty\n"
                + "zpty z 'zsh -f -i'\n"
                + "zpty -w z 'PROMPT=\"> \"; fpath=(" + quoted(functions) + " $fpath); "
                + "autoload -U compinit && compinit -u -D; echo READY'\n"
                + "screen=''\n"
                + "function upto() {\n"
                + "  local out\n"
                + "  for i in {1..200}; do\n"
                + "    zpty -r -t z out && screen+=${out//$'\\e'\\[[0-9;?]#[a-zA-Z]/}\n"
                + "    [[ $screen == *$1* ]] && return 0\n"
                + "    sleep 0.1\n"
                + "  done\n"
                + "  return 1\n"
                + "}\n"
                + "upto READY$'\\r'\n";
    }
}
