package dev.ticket.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ticket.cli.command.TicketCommand;
import dev.ticket.cli.docs.CompletionScripts;
import dev.ticket.files.Trees;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * What the completion scripts' cache readers see: a stub {@code ticket} on PATH that records each run (and answers
 * {@code cases}, shell {@code case} arms on its first three words), and XDG_CACHE_HOME, in a temporary directory of
 * its own. One per test: {@code @RegisterExtension final StubbedShell shell = new StubbedShell(...)} deletes the
 * directory after the test.
 */
final class StubbedShell implements AfterEachCallback {
    private final Path dir;
    private final Path log;
    final String env;

    StubbedShell(String cases) {
        try {
            dir = Files.createTempDirectory("ticket-shell-");
            Path bin = Files.createDirectories(dir.resolve("bin"));
            log = dir.resolve("runs.log");
            Path stub = bin.resolve("ticket");
            Files.writeString(stub, "#!/bin/sh\necho \"$*\" >> " + ShellRunner.quoted(log) + "\n"
                    + "case \"$1 $2 $3\" in\n" + cases + "esac\n");
            assertTrue(stub.toFile().setExecutable(true));
            Files.createDirectories(cache());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        env = "PATH=" + ShellRunner.quoted(dir.resolve("bin")) + ":$PATH; XDG_CACHE_HOME="
                + ShellRunner.quoted(dir.resolve("cache")) + "; export PATH XDG_CACHE_HOME; ";
    }

    @Override
    public void afterEach(ExtensionContext context) {
        Trees.delete(dir);
    }

    /** The folder of the CLI's cache files. */
    Path cache() {
        return dir.resolve("cache/ticket");
    }

    /** Writes the cache file {@code name} as the CLI would have left it. */
    StubbedShell cached(String name, String content) {
        try {
            Files.writeString(cache().resolve(name), content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /** Makes the cache file {@code name} as old as {@code age}. */
    void age(String name, Duration age) throws IOException {
        Files.setLastModifiedTime(cache().resolve(name), FileTime.from(Instant.now().minus(age)));
    }

    /** What bash's completion function offers for the words typed so far (the last one being completed). */
    List<String> bash(String... words) throws Exception {
        Path script = dir.resolve("ticket.bash");
        Files.writeString(script, CompletionScripts.bash(TicketCommand.tree()));
        String array = List.of(words).stream().map(w -> "'" + w + "'").collect(Collectors.joining(" "));
        return ShellRunner.run("bash", env + "source " + ShellRunner.quoted(script) + "\n"
                + "COMP_WORDS=(" + array + "); COMP_CWORD=" + (words.length - 1) + "\n"
                + "COMP_LINE=\"${COMP_WORDS[*]}\"; COMP_POINT=${#COMP_LINE}\n"
                + "_complete_ticket 2>/dev/null\nprintf '%s\\n' \"${COMPREPLY[@]}\"");
    }

    /** The start of a fish command line with the stub, the cache and the fish script loaded. */
    String fish() throws Exception {
        Path script = dir.resolve("ticket.fish");
        Files.writeString(script, CompletionScripts.fish(TicketCommand.tree()));
        return "set -x PATH " + ShellRunner.quoted(dir.resolve("bin")) + " $PATH; set -x XDG_CACHE_HOME "
                + ShellRunner.quoted(dir.resolve("cache")) + "; source " + ShellRunner.quoted(script) + "; ";
    }

    /** The start of a zsh session typing into the zsh function on fpath. */
    String zsh() throws Exception {
        Path functions = Files.createDirectories(dir.resolve("functions"));
        Files.writeString(functions.resolve("_ticket"), CompletionScripts.zsh(TicketCommand.tree()));
        return env + ShellRunner.zshTyping(functions);
    }

    /** The zsh screen after typing {@code line} and a Tab, once it shows {@code upto} (or zsh gives up waiting). */
    String zshTab(String line, String upto) throws Exception {
        return String.join("\n", ShellRunner.run("zsh", zsh()
                + "zpty -w -n z '" + line + "'$'\\t'\n"
                + "upto '" + upto + "'\n"
                + "print -r -- ${screen//$'\\r'/}\n"
                + "zpty -d z"));
    }

    /** The stub's runs so far, one line of arguments each. */
    List<String> runs() throws Exception {
        return Files.exists(log) ? Files.readAllLines(log) : List.of();
    }

    /** Waits for a (background) run with these arguments. */
    void awaitRun(String args) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!runs().contains(args)) {
            assertTrue(System.nanoTime() < deadline, "no background '" + args + "': " + runs());
            Thread.sleep(50);
        }
    }
}
