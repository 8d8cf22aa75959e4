package dev.ticket.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class HelpAndCompletionTest {
    private static List<CommandLine> all(CommandLine command) {
        List<CommandLine> found = new ArrayList<>(List.of(command));
        command.getSubcommands().values().forEach(sub -> found.addAll(all(sub)));
        return found;
    }

    @Test
    void every_command_has_a_description_and_examples_for_its_man_page() {
        CommandLine root = Cli.commandLine(new CliHarness(null).ioForTests(), Clock.systemUTC());
        for (CommandLine command : all(root)) {
            CommandLine.Model.UsageMessageSpec usage = command.getCommandSpec().usageMessage();
            String name = command.getCommandSpec().qualifiedName();
            assertTrue(usage.description().length > 0, name + " has no description");
            assertTrue(String.join("\n", usage.footer()).contains("Examples:"), name + " has no examples");
        }
    }

    @Test
    void help_goes_to_standard_output_with_exit_0() {
        CliHarness.Result r = new CliHarness(null).run("new", "--help");
        assertEquals(0, r.exit());
        assertTrue(r.out().startsWith("Usage: ticket new"), r.out());
        assertTrue(r.out().contains("--dedupe-key=KEY"), r.out());
    }

    @Test
    void completion_prints_a_script_per_shell_and_refuses_others() {
        for (String shell : List.of("bash", "zsh", "fish")) {
            CliHarness.Result r = new CliHarness(null).run("completion", shell);
            assertEquals(0, r.exit(), shell);
            assertTrue(r.out().contains("ticket"), shell);
        }
        assertEquals(2, new CliHarness(null).run("completion", "powershell").exit());
    }

    @Test
    void no_colour_in_help_without_a_terminal() {
        assertTrue(!new CliHarness(null).ok("--help").contains("\u001b["));
    }
}
