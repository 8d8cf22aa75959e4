package dev.ticket.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ticket.model.Role;
import dev.ticket.testing.TestService;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Ticket ids on Tab (bash, zsh, fish): read from the cache file that list, show and new keep, without running
 * {@code ticket} (a stub on PATH records every run), and refreshed in the background when the file is old.
 */
class RecentIdsCompletionTest {
    @RegisterExtension
    static final TestService service = TestService.perClass();

    @RegisterExtension
    final StubbedShell shell = new StubbedShell("  'profile list -q') printf 'agent\\ndefault\\n';;\n")
            .cached("recent-ids", "42\tBooking link opens a blank page\n7\tNightly export\n");

    private List<String> bash(String... words) throws Exception {
        return shell.bash(words);
    }

    private List<String> runs() throws Exception {
        return shell.runs();
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
        shell.age("recent-ids", Duration.ofMinutes(5));
        assertEquals(List.of("42", "7"), bash("ticket", "show", ""));
        awaitRun("completion --refresh-ids");
        assertEquals(List.of("42", "7"), bash("ticket", "show", ""));
        assertEquals(1, runs().size(), "touched when the refresh starts: the next Tabs start no other " + runs());
    }

    @Test
    void without_a_cache_a_tab_offers_nothing_yet_and_starts_the_refresh() throws Exception {
        Files.delete(shell.cache().resolve("recent-ids"));
        assertEquals(List.of(), bash("ticket", "show", ""));
        awaitRun("completion --refresh-ids");
    }

    private void awaitRun(String args) throws Exception {
        shell.awaitRun(args);
    }

    @Test
    void fish_offers_the_ids_with_their_titles_most_recent_first() throws Exception {
        String fishEnv = shell.fish();
        assertEquals(List.of("42\tBooking link opens a blank page", "7\tNightly export"),
                ShellRunner.run("fish", fishEnv + "complete -C 'ticket show '"));
        assertEquals(List.of("42\tBooking link opens a blank page", "7\tNightly export"),
                ShellRunner.run("fish", fishEnv + "complete -C 'ticket close 42 '"));
        assertEquals(List.of(), runs());
    }

    @Test
    void zsh_offers_the_ids_on_tab_from_the_function_on_fpath() throws Exception {
        String screen = shell.zshTab("ticket show 4", "ticket show 42");
        assertTrue(screen.contains("ticket show 42"), screen);
        assertEquals(List.of(), runs());
    }

    @Test
    void list_show_and_new_keep_the_cache_and_the_refresh_rewrites_it_from_the_service() throws Exception {
        CliHarness anna = CliHarness.as(service, "Anna", Role.CUSTOMER, "ids-" + System.nanoTime());
        Path cache = anna.configHome().resolve(".cache/ticket/recent-ids");
        String first = anna.open("First\tone", "x");
        assertEquals(List.of(first + "\tFirst one"), Files.readAllLines(cache), "a tab in a title is a space");
        String second = anna.open("Second", "x");
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
