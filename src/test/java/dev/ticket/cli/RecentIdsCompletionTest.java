package dev.ticket.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ticket.cli.command.TicketCommand;
import dev.ticket.cli.docs.CompletionScripts;
import dev.ticket.model.Role;
import dev.ticket.testing.TestService;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ticket ids on Tab (bash, zsh, fish): read from the cache file that list, show and new keep, without running
 * {@code ticket} (a stub on PATH records every run), and refreshed in the background when the file is old.
 */
class RecentIdsCompletionTest {
    @RegisterExtension
    static final TestService service = TestService.perClass();

    @TempDir
    Path dir;

    private Path log;
    private String env;

    @BeforeEach
    void stub() throws Exception {
        Path bin = Files.createDirectories(dir.resolve("bin"));
        log = dir.resolve("runs.log");
        Path stub = bin.resolve("ticket"); // stands for the installed ticket: records each run
        Files.writeString(stub, "#!/bin/sh\necho \"$*\" >> " + ShellRunner.quoted(log) + "\n"
                + "case \"$1 $2 $3\" in\n  'profile list -q') printf 'agent\\ndefault\\n';;\nesac\n");
        assertTrue(stub.toFile().setExecutable(true));
        Path cache = Files.createDirectories(dir.resolve("cache/ticket"));
        Files.writeString(cache.resolve("recent-ids"), "42\tBooking link opens a blank page\n7\tNightly export\n");
        env = "PATH=" + ShellRunner.quoted(bin) + ":$PATH; XDG_CACHE_HOME=" + ShellRunner.quoted(dir.resolve("cache"))
                + "; export PATH XDG_CACHE_HOME; ";
    }

    private List<String> bash(String... words) throws Exception {
        Path script = dir.resolve("ticket.bash");
        Files.writeString(script, CompletionScripts.bash(TicketCommand.tree()));
        String array = List.of(words).stream().map(w -> "'" + w + "'").collect(Collectors.joining(" "));
        return ShellRunner.run("bash", env + "source " + ShellRunner.quoted(script) + "\n"
                + "COMP_WORDS=(" + array + "); COMP_CWORD=" + (words.length - 1) + "\n"
                + "COMP_LINE=\"${COMP_WORDS[*]}\"; COMP_POINT=${#COMP_LINE}\n"
                + "_complete_ticket 2>/dev/null\nprintf '%s\\n' \"${COMPREPLY[@]}\"");
    }

    private List<String> runs() throws Exception {
        return Files.exists(log) ? Files.readAllLines(log) : List.of();
    }

    @Test
    void bash_offers_the_cached_ids_for_every_command_taking_one_without_running_ticket() throws Exception {
        for (String command : List.of("show", "reply", "close", "attach", "wait", "tui", "download")) {
            assertEquals(List.of("42", "7"), bash("ticket", command, ""), command);
        }
        assertEquals(List.of("42"), bash("ticket", "show", "4"));
        assertEquals(List.of("42", "7"), bash("ticket", "new", "--ref", ""));
        assertEquals(List.of(), runs(), "a Tab on an id starts no JVM: neither for ids nor for profile names");
        assertEquals(List.of("agent", "default"), bash("ticket", "show", "--profile", ""));
        assertEquals(List.of("profile list -q"), runs(), "profile names are asked only when completed");
    }

    @Test
    void an_old_cache_is_still_offered_and_refreshed_in_the_background() throws Exception {
        Path file = dir.resolve("cache/ticket/recent-ids");
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().minus(Duration.ofMinutes(5))));
        assertEquals(List.of("42", "7"), bash("ticket", "show", ""));
        awaitRun("completion --refresh-ids");
        assertEquals(List.of("42", "7"), bash("ticket", "show", ""));
        assertEquals(1, runs().size(), "touched when the refresh starts: the next Tabs start no other " + runs());
    }

    @Test
    void without_a_cache_a_tab_offers_nothing_yet_and_starts_the_refresh() throws Exception {
        Files.delete(dir.resolve("cache/ticket/recent-ids"));
        assertEquals(List.of(), bash("ticket", "show", ""));
        awaitRun("completion --refresh-ids");
    }

    private void awaitRun(String args) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!runs().contains(args)) {
            assertTrue(System.nanoTime() < deadline, "no background '" + args + "': " + runs());
            Thread.sleep(50);
        }
    }

    @Test
    void fish_offers_the_ids_with_their_titles_most_recent_first() throws Exception {
        Path script = dir.resolve("ticket.fish");
        Files.writeString(script, CompletionScripts.fish(TicketCommand.tree()));
        String fishEnv = "set -x PATH " + ShellRunner.quoted(dir.resolve("bin")) + " $PATH; set -x XDG_CACHE_HOME "
                + ShellRunner.quoted(dir.resolve("cache")) + "; source " + ShellRunner.quoted(script) + "; ";
        assertEquals(List.of("42\tBooking link opens a blank page", "7\tNightly export"),
                ShellRunner.run("fish", fishEnv + "complete -C 'ticket show '"));
        assertEquals(List.of("42\tBooking link opens a blank page", "7\tNightly export"),
                ShellRunner.run("fish", fishEnv + "complete -C 'ticket close 42 '"));
        assertEquals(List.of(), runs());
    }

    @Test
    void zsh_offers_the_ids_on_tab_from_the_function_on_fpath() throws Exception {
        Path functions = Files.createDirectories(dir.resolve("functions"));
        Files.writeString(functions.resolve("_ticket"), CompletionScripts.zsh(TicketCommand.tree()));
        String screen = String.join("\n", ShellRunner.run("zsh", env + ShellRunner.zshTyping(functions)
                + "zpty -w -n z 'ticket show 4'$'\\t'\n"
                + "upto 'ticket show 42'\n"
                + "print -r -- ${screen//$'\\r'/}\n"
                + "zpty -d z"));
        assertTrue(screen.contains("ticket show 42"), screen);
        assertEquals(List.of(), runs());
    }

    @Test
    void list_show_and_new_keep_the_cache_and_the_refresh_rewrites_it_from_the_service() throws Exception {
        CliHarness anna = CliHarness.as(service, "Anna", Role.CUSTOMER, "ids-" + System.nanoTime());
        Path cache = anna.configHome().resolve(".cache/ticket/recent-ids");
        String first = anna.ok("new", "-t", "First\tone", "-m", "x", "-q").strip();
        assertEquals(List.of(first + "\tFirst one"), Files.readAllLines(cache), "a tab in a title is a space");
        String second = anna.ok("new", "-t", "Second", "-m", "x", "-q").strip();
        anna.ok("show", first, "--no-read");
        assertEquals(List.of(first + "\tFirst one", second + "\tSecond"), Files.readAllLines(cache));
        Files.writeString(cache, "999\tGone\n");
        anna.ok("completion", "--refresh-ids");
        assertEquals(List.of(second + "\tSecond", first + "\tFirst one"), Files.readAllLines(cache),
                "the service's newest activity first, and nothing else");
        assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(
                Files.getPosixFilePermissions(cache)));
    }
}
