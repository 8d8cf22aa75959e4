package dev.ticket.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ticket.cli.command.TicketCommand;
import dev.ticket.cli.docs.CompletionScripts;
import dev.ticket.cli.docs.FishCompletion;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The fish script, loaded into a real fish and asked what it completes (skipped where fish is not installed). */
class FishCompletionTest {
    @TempDir
    Path dir;

    private List<String> complete(String commandLine) throws Exception {
        Path script = dir.resolve("tix.fish");
        Files.writeString(script, FishCompletion.script(new CommandLine(new CompletionFixture.Tix())));
        return ShellRunner.run("fish", "source " + ShellRunner.quoted(script) + "; complete -C '" + commandLine + "'");
    }

    private static List<String> words(List<String> completions) {
        return completions.stream().map(line -> line.split("\t")[0]).collect(Collectors.toList());
    }

    @Test
    void profile_and_alias_names_come_from_ticket_when_tab_is_pressed() throws Exception {
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Path stub = bin.resolve("ticket"); // stands for the installed ticket
        Files.writeString(stub, "#!/bin/sh\ncase \"$1 $2 $3\" in\n"
                + "  'profile list -q') printf 'agent\\ndefault\\n';;\n"
                + "  'alias list -q') echo mine;;\nesac\n");
        assertTrue(stub.toFile().setExecutable(true));
        Path script = dir.resolve("ticket.fish");
        Files.writeString(script, FishCompletion.script(TicketCommand.tree()));
        String run = "set -x PATH " + ShellRunner.quoted(bin) + " $PATH; source " + ShellRunner.quoted(script) + "; ";
        assertEquals(List.of("agent", "default"), words(ShellRunner.run("fish", run + "complete -C 'ticket list --profile '")));
        assertEquals(List.of("agent"), words(ShellRunner.run("fish", run + "complete -C 'ticket profile use ag'")));
        assertEquals(List.of("mine"), words(ShellRunner.run("fish", run + "complete -C 'ticket alias delete '")));
    }

    @Test
    void json_offers_the_fields_of_the_command_being_completed_only() throws Exception {
        Path script = dir.resolve("ticket.fish");
        Files.writeString(script, FishCompletion.script(TicketCommand.tree()));
        String run = "source " + ShellRunner.quoted(script) + "; ";
        assertEquals(List.of("id", "name", "role", "account", "token", "disabled_at"),
                words(ShellRunner.run("fish", run + "complete -C 'ticket whoami --json '")));
        List<String> hours = words(ShellRunner.run("fish", run + "complete -C 'ticket hours --json '"));
        assertTrue(hours.contains("open_now") && !hours.contains("title"), hours.toString());
    }

    @Test
    void a_json_field_list_completes_the_field_after_each_comma_and_aliases_are_offered_as_commands()
            throws Exception {
        Path script = dir.resolve("ticket.fish");
        Files.writeString(script, FishCompletion.script(TicketCommand.tree()));
        CliHarness cli = new CliHarness(null);
        cli.ok("alias", "set", "queue", "list --awaiting team");
        String run = "set -x HOME " + ShellRunner.quoted(cli.configHome()) + "; set -x XDG_CONFIG_HOME $HOME; "
                + "set -e XDG_CACHE_HOME; source " + ShellRunner.quoted(script) + "; ";
        assertEquals(List.of("id,title"), words(ShellRunner.run("fish", run + "complete -C 'ticket list --json id,tit'")));
        List<String> next = words(ShellRunner.run("fish", run + "complete -C 'ticket list --json id,'"));
        assertTrue(next.contains("id,title") && !next.contains("id,id"), next.toString());
        assertEquals(List.of("queue"), words(ShellRunner.run("fish", run + "complete -C 'ticket qu'")));
        assertEquals(List.of("queue"), words(ShellRunner.run("fish", run + "complete -C 'ticket help qu'")));
    }

    @Test
    void top_level_offers_each_subcommand_with_its_first_sentence_once() throws Exception {
        List<String> offered = complete("tix ");
        assertEquals(List.of("admin\tManage users", "new\tOpen a ticket"), offered);
    }

    @Test
    void option_values_complete_from_the_candidates_even_after_a_global_option_value() throws Exception {
        assertEquals(List.of("critical", "question", "suggestion"), words(complete("tix new --type ")));
        assertEquals(List.of("critical", "question", "suggestion"),
                words(complete("tix --server http://h new --type ")));
    }

    @Test
    void an_option_value_that_looks_like_a_subcommand_does_not_change_the_command() throws Exception {
        List<String> offered = words(complete("tix --server new -"));
        assertTrue(offered.contains("--server") && !offered.contains("--title"), offered.toString());
    }

    @Test
    void flags_come_with_descriptions_and_defaults_filled_in() throws Exception {
        List<String> offered = complete("tix new --");
        assertTrue(offered.contains("--type\tcritical, question or suggestion (default: question)"), offered.toString());
        assertTrue(words(offered).containsAll(List.of("--title", "--attach", "--read", "--no-read")),
                offered.toString());
    }

    @Test
    void nested_subcommands_and_enum_values_complete() throws Exception {
        assertEquals(List.of("user"), words(complete("tix admin ")));
        assertEquals(List.of("add"), words(complete("tix admin user ")));
        assertEquals(List.of("customer", "agent", "admin"), words(complete("tix admin user add --role ")));
    }

    @Test
    void file_options_complete_file_names() throws Exception {
        Files.writeString(dir.resolve("screenshot.png"), "png");
        List<String> offered = words(complete("tix new -a " + dir + "/scr"));
        assertEquals(List.of(dir + "/screenshot.png"), offered);
    }

    @Test
    void the_ticket_script_offers_every_subcommand() throws Exception {
        CommandLine ticket = TicketCommand.tree();
        Path script = dir.resolve("ticket.fish");
        Files.writeString(script, CompletionScripts.fish(ticket));
        List<String> offered = words(ShellRunner.run("fish",
                "source " + ShellRunner.quoted(script) + "; complete -C 'ticket '"));
        List<String> names = ticket.getSubcommands().values().stream().map(CommandLine::getCommandName)
                .distinct().collect(Collectors.toList());
        assertTrue(offered.containsAll(names), offered + " lacks some of " + names);
    }
}
