package dev.ticket.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ticket.cli.command.TicketCommand;
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
            assertTrue(command.getUsageMessage(CommandLine.Help.Ansi.OFF).contains("\nExamples:\n  "),
                    name + " has no examples");
        }
    }

    @Test
    void json_and_jq_on_a_command_that_prints_no_json_are_refused_with_exit_2() {
        CliHarness cli = new CliHarness(null);
        for (List<String> args : List.of(List.of("completion", "bash", "--jq", "."), List.of("help", "list", "--json"),
                List.of("--json", "help"))) {
            CliHarness.Result r = cli.run(args.toArray(String[]::new));
            assertEquals(2, r.exit(), args + ": " + r);
            assertEquals("", r.out(), args.toString());
            String flag = args.contains("--jq") ? "--jq" : "--json";
            String command = args.contains("help") ? "ticket help" : "ticket completion";
            assertTrue(r.err().startsWith("ticket: " + flag + ": '" + command + "' prints no JSON\n"), r.err());
        }
    }

    @Test
    void client_options_before_serve_are_one_line_and_exit_2_not_dropped_unannounced() {
        CliHarness cli = new CliHarness(null);
        // --metrics-port 70000: were the option let through again, serve fails at once (another message) rather
        // than start and block the test
        for (List<String> args : List.of(List.of("--json", "serve", "--metrics-port", "70000"),
                List.of("--jq", ".", "serve", "--metrics-port", "70000"),
                List.of("--server", "http://127.0.0.1:1", "serve", "--metrics-port", "70000"),
                List.of("-q", "serve", "--metrics-port", "70000"))) {
            CliHarness.Result r = cli.run(args.toArray(String[]::new));
            assertEquals(2, r.exit(), args + ": " + r);
            assertEquals("", r.out(), args.toString());
            String flag = args.get(0).equals("-q") ? "--quiet" : args.get(0);
            assertEquals(flag.startsWith("--j") ? "ticket: " + flag + ": 'ticket serve' prints no JSON\n"
                    : "ticket: " + flag + ": 'ticket serve' is the service, not a client of one (see 'ticket serve "
                    + "--help')\n", r.err(), args.toString());
        }
    }

    @Test
    void every_example_fits_an_80_column_terminal_so_help_never_wraps_one_into_column_0() {
        for (CommandLine command : all(TicketCommand.tree())) {
            for (String line : command.getCommandSpec().usageMessage().footer()) {
                // an indented line is an example; prose (unindented) is wrapped by picocli and reads fine
                assertTrue(!line.startsWith("  ") || line.length() < 80, command.getCommandSpec().qualifiedName() + ": " + line.length()
                        + " columns: " + line);
            }
        }
    }

    @Test
    void the_subcommand_table_names_each_command_as_its_annotation_does() {
        assertEquals(List.copyOf(TicketCommand.SUBCOMMANDS.keySet()),
                List.copyOf(TicketCommand.tree().getSubcommands().keySet()));
    }

    @Test
    void a_run_builds_only_the_subcommand_it_names_unless_it_needs_them_all() {
        assertEquals(List.of("list"), built("--profile", "agent", "--server", "http://x", "-q", "list", "-L", "3"));
        assertEquals(List.of("serve"), built("--token=t", "serve", "--dev"));
        assertEquals(List.of(), built("--version"), "the root answers --version alone");
        List<String> every = List.copyOf(TicketCommand.SUBCOMMANDS.keySet());
        assertEquals(every, built());
        assertEquals(every, built("lsit"), "a misspelt command gets picocli's suggestions");
        assertEquals(every, built("--help", "list"), "the root's help lists them all");
        assertEquals(every, built("completion", "fish"), "the script completes them all");
        CliHarness.Result typo = new CliHarness(null).run("lsit");
        assertEquals(2, typo.exit());
        assertEquals("ticket: unknown command 'ticket lsit' (did you mean 'list'?)", typo.err().lines()
                .findFirst().orElseThrow());
        assertTrue(new CliHarness(null).run("list", "--stauts", "done").err()
                .contains("(did you mean '--status'?)"));
        assertEquals("ticket 0.1.0\n", new CliHarness(null).ok("--version"));
        CliHarness.Result rootHelp = new CliHarness(null).run("--help", "list");
        assertTrue(rootHelp.out().contains("serve") && rootHelp.out().contains("completion"), rootHelp.out());
    }

    private static List<String> built(String... args) {
        return List.copyOf(TicketCommand.withSubcommands(new CommandLine(TicketCommand.class), args)
                .getSubcommands().keySet());
    }

    /** The arguments that ask for the help of {@code qualifiedName} ("ticket admin user add"). */
    private static String[] helpArgs(String qualifiedName) {
        String[] words = qualifiedName.split(" ");
        List<String> args = new ArrayList<>(List.of(words).subList(1, words.length));
        args.add("--help");
        return args.toArray(String[]::new);
    }

    @Test
    void every_command_answers_help_with_its_usage_and_exit_0() {
        for (CommandLine command : all(TicketCommand.tree())) {
            String name = command.getCommandSpec().qualifiedName();
            CliHarness.Result r = new CliHarness(null).run(helpArgs(name));
            assertEquals(0, r.exit(), name + ": " + r);
            assertTrue(r.out().startsWith("Usage: " + name), r.out());
        }
    }

    @Test
    void help_text_shows_shell_variables_as_written_and_xargs_never_runs_on_empty_input() {
        for (CommandLine command : all(TicketCommand.tree())) {
            String name = command.getCommandSpec().qualifiedName();
            String help = new CliHarness(null).run(helpArgs(name)).out();
            // picocli reads ${...} as its own variables: an unescaped ${fpath[1]} printed as "null"
            assertTrue(!help.matches("(?s).*\\bnull\\b.*"), name + " help says null:\n" + help);
            for (String line : help.lines().filter(l -> l.contains("xargs")).toList()) {
                // without -r, xargs runs the command once with no id when the list is empty
                assertTrue(line.matches(".*\\bxargs -r\\b.*"), name + ": " + line);
            }
        }
        assertTrue(new CliHarness(null).ok("completion", "--help").contains("\"${fpath[1]}/_ticket\""));
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
