package dev.ticket.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ticket.model.Role;
import dev.ticket.testing.TestService;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Agent names on Tab after {@code assign --to} and {@code list --assignee} (bash, zsh, fish): me (and none), then
 * the names of the cache file that assign and list keep, read without running {@code ticket} (a stub on PATH
 * records every run), and refreshed in the background when the file is old.
 */
class AgentNamesCompletionTest {
    @RegisterExtension
    static final TestService service = TestService.perClass();

    @RegisterExtension
    final StubbedShell shell = new StubbedShell("").cached("agents", "Sam Lee\nKim\n");

    /** The completions without the description fish shows after a tab. */
    private static List<String> words(List<String> completions) {
        return completions.stream().map(line -> line.split("\t")[0]).collect(Collectors.toList());
    }

    @Test
    void bash_offers_me_none_and_the_cached_names_without_running_ticket() throws Exception {
        assertEquals(List.of("me", "Sam\\ Lee", "Kim"), shell.bash("ticket", "assign", "42", "--to", ""));
        assertEquals(List.of("me", "none", "Sam\\ Lee", "Kim"), shell.bash("ticket", "list", "--assignee", ""));
        assertEquals(List.of("Sam\\ Lee"), shell.bash("ticket", "assign", "--to", "S"));
        assertTrue(shell.bash("ticket", "list", "--").contains("--assignee"), "the flags after it are still offered");
        assertEquals(List.of(), shell.runs(), "a Tab on a name starts no JVM");
    }

    @Test
    void an_old_cache_is_still_offered_and_refreshed_in_the_background() throws Exception {
        shell.age("agents", Duration.ofMinutes(30));
        assertEquals(List.of("me", "Sam\\ Lee", "Kim"), shell.bash("ticket", "assign", "--to", ""));
        shell.awaitRun("completion --refresh-agents");
        shell.bash("ticket", "assign", "--to", "");
        assertEquals(1, shell.runs().size(), "touched when the refresh starts: the next Tabs start no other " + shell.runs());
    }

    @Test
    void fish_offers_me_none_and_the_names_whole() throws Exception {
        String fishEnv = shell.fish();
        assertEquals(List.of("me", "Sam Lee", "Kim"), words(ShellRunner.run("fish", fishEnv + "complete -C 'ticket assign 42 --to '")));
        assertEquals(List.of("me", "none", "Sam Lee", "Kim"),
                words(ShellRunner.run("fish", fishEnv + "complete -C 'ticket list --assignee '")));
        assertEquals(List.of(), shell.runs());
    }

    @Test
    void zsh_completes_a_name_with_a_space_on_tab() throws Exception {
        String screen = shell.zshTab("ticket assign 42 --to Sa", "Lee");
        assertTrue(screen.contains("ticket assign 42 --to Sam\\ Lee"), screen);
        assertEquals(List.of(), shell.runs());
    }

    @Test
    void assign_and_list_keep_the_names_and_the_refresh_rewrites_them_from_the_service() throws Exception {
        service.addUser("Zoe Agent", Role.AGENT, null);
        CliHarness sam = CliHarness.as(service, "Sam Names", Role.AGENT, null);
        CliHarness olga = CliHarness.as(service, "Olga", Role.CUSTOMER, "names-" + System.nanoTime());
        Path cache = sam.configHome().resolve(".cache/ticket/agents");
        String ticket = olga.open("Help", "x");
        sam.ok("assign", ticket, "--to", "Zoe Agent");
        List<String> kept = Files.readAllLines(cache);
        assertTrue(kept.containsAll(List.of("Sam Names", "Zoe Agent")), kept.toString());
        Files.writeString(cache, "Gone\n");
        sam.ok("list", "--assignee", "Zoe Agent");
        assertTrue(Files.readAllLines(cache).contains("Zoe Agent"), "list --assignee keeps them too");
        Files.writeString(cache, "Gone\n");
        sam.ok("completion", "--refresh-agents");
        assertTrue(Files.readAllLines(cache).containsAll(List.of("Sam Names", "Zoe Agent")));
        assertTrue(!Files.readAllLines(cache).contains("Gone"));
        assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(
                Files.getPosixFilePermissions(cache)));
    }
}
