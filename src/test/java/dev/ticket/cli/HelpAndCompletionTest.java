package dev.ticket.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
    void fish_completion_knows_subcommands_flags_and_enum_values() {
        String fish = new CliHarness(null).ok("completion", "fish");
        assertTrue(fish.contains("complete -c ticket -n '__ticket_is \"\"' -a 'new'"), fish);
        assertTrue(fish.contains("complete -c ticket -n '__ticket_is \"admin user\"' -a 'add'"), fish);
        assertTrue(fish.contains("-n '__ticket_is \"list\"' -s s -l status -x -a 'all on-customer done'"), fish);
        assertTrue(fish.contains("-n '__ticket_is \"new\"' -l type -x -a 'critical question suggestion'"), fish);
        assertTrue(fish.contains("-n '__ticket_is \"new\"' -s F -l file -r -F"), fish);
    }

    @Test
    void bash_and_zsh_completion_come_from_picocli() {
        String bash = new CliHarness(null).ok("completion", "bash");
        assertTrue(bash.contains("complete -F _complete_ticket"), bash.substring(0, 200));
        assertEquals(bash, new CliHarness(null).ok("completion", "zsh"));
        assertEquals(2, new CliHarness(null).run("completion", "powershell").exit());
    }

    @Test
    void no_colour_in_help_without_a_terminal() {
        assertTrue(!new CliHarness(null).ok("--help").contains("\u001b["));
        Map<String, String> none = Map.of();
        assertTrue(none.isEmpty());
    }
}
