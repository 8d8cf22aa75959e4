package dev.ticket.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ticket.cli.command.TicketCommand;
import dev.ticket.cli.docs.CompletionScripts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The bash script in a real bash, and the zsh function autoloaded by a real interactive zsh on the first Tab. */
class BashZshCompletionTest {
    @TempDir
    Path dir;

    /** What bash's completion function offers for the words typed so far (the last one being completed). */
    private List<String> bash(CommandLine root, String... words) throws Exception {
        return bashWith(root, "", words);
    }

    @Test
    void bash_completes_profile_alias_and_json_field_names() throws Exception {
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Path stub = bin.resolve("ticket"); // stands for the installed ticket the script asks when Tab is pressed
        Files.writeString(stub, "#!/bin/sh\ncase \"$1 $2 $3\" in\n"
                + "  'profile list -q') printf 'agent\\ndefault\\n';;\n"
                + "  'alias list -q') echo mine;;\nesac\n");
        assertTrue(stub.toFile().setExecutable(true));
        CommandLine ticket = TicketCommand.tree();
        String path = "PATH=" + ShellRunner.quoted(bin) + ":$PATH; ";
        assertEquals(List.of("agent", "default"), bashWith(ticket, path, "ticket", "list", "--profile", ""));
        assertEquals(List.of("agent"), bashWith(ticket, path, "ticket", "profile", "use", "ag"));
        assertEquals(List.of("mine"), bashWith(ticket, path, "ticket", "alias", "delete", ""));
        assertTrue(bashWith(ticket, "", "ticket", "list", "--json", "du").contains("due_at"));
    }

    @Test
    void json_offers_the_fields_of_the_command_being_completed_only() throws Exception {
        CommandLine ticket = TicketCommand.tree();
        assertEquals(List.of("id", "name", "role", "account", "token", "disabled_at"),
                bash(ticket, "ticket", "whoami", "--json", ""));
        List<String> hours = bash(ticket, "ticket", "hours", "--json", "");
        assertTrue(hours.contains("open_now") && !hours.contains("title"), hours.toString());
        assertEquals(List.of("title"), bash(ticket, "ticket", "show", "--json", "tit"));
        assertEquals(List.of("redacted_at"), bash(ticket, "ticket", "redact", "--json", "red"));
    }

    @Test
    void a_json_field_list_completes_the_field_after_each_comma() throws Exception {
        CommandLine ticket = TicketCommand.tree();
        assertEquals(List.of("id,title"), bash(ticket, "ticket", "list", "--json", "id,tit"));
        List<String> next = bash(ticket, "ticket", "list", "--json", "id,");
        assertTrue(next.contains("id,title") && next.contains("id,due_at") && !next.contains("id,id"), next.toString());
        assertEquals(List.of("id,title,due_at"), bash(ticket, "ticket", "list", "--json", "id,title,du"));
        assertEquals(List.of(), bash(ticket, "ticket", "list", "--json", "id,nosuch"));
    }

    @Test
    void aliases_are_offered_where_a_command_goes_and_after_help_without_a_jvm() throws Exception {
        CliHarness cli = new CliHarness(null);
        cli.ok("alias", "set", "queue", "list --awaiting team");
        // the harness's home: its config file and the cache 'alias set' kept beside the recent ids
        String home = "export HOME=" + ShellRunner.quoted(cli.configHome()) + " XDG_CONFIG_HOME="
                + ShellRunner.quoted(cli.configHome()) + "; unset XDG_CACHE_HOME; PATH=/nonexistent:$PATH; ";
        CommandLine ticket = TicketCommand.tree();
        assertEquals(List.of("queue"), bashWith(ticket, home, "ticket", "qu"));
        assertTrue(bashWith(ticket, home, "ticket", "").containsAll(List.of("list", "queue")));
        assertEquals(List.of("queue"), bashWith(ticket, home, "ticket", "help", "qu"));
        cli.ok("alias", "delete", "queue");
        assertEquals(List.of(), bashWith(ticket, home, "ticket", "qu"), "a deleted alias is offered no more");
    }

    /** The same, with {@code prefix} run first in the same shell (a PATH for a stub ticket). */
    private List<String> bashWith(CommandLine root, String prefix, String... words) throws Exception {
        Path script = dir.resolve("completion.bash");
        Files.writeString(script, CompletionScripts.bash(root));
        String array = List.of(words).stream().map(w -> "'" + w + "'").collect(Collectors.joining(" "));
        return ShellRunner.run("bash", prefix + "source " + ShellRunner.quoted(script) + "\n"
                + "COMP_WORDS=(" + array + "); COMP_CWORD=" + (words.length - 1) + "\n"
                + "COMP_LINE=\"${COMP_WORDS[*]}\"; COMP_POINT=${#COMP_LINE}\n"
                + "_complete_" + root.getCommandName() + "\n"
                + "printf '%s\\n' \"${COMPREPLY[@]}\"");
    }

    @Test
    void bash_offers_every_subcommand_of_ticket() throws Exception {
        CommandLine ticket = TicketCommand.tree();
        List<String> offered = bash(ticket, "ticket", "");
        List<String> names = ticket.getSubcommands().values().stream().map(CommandLine::getCommandName)
                .distinct().collect(Collectors.toList());
        assertTrue(offered.containsAll(names), offered + " lacks some of " + names);
    }

    @Test
    void bash_completes_nested_subcommands_flags_and_candidate_values() throws Exception {
        CommandLine tix = new CommandLine(new CompletionFixture.Tix());
        assertEquals(List.of("add"), bash(tix, "tix", "admin", "user", ""));
        assertEquals(List.of("critical", "question", "suggestion"), bash(tix, "tix", "new", "--type", ""));
        assertEquals(List.of("customer", "agent", "admin"), bash(tix, "tix", "admin", "user", "add", "--role", ""));
        assertTrue(bash(tix, "tix", "new", "--t").containsAll(List.of("--title", "--type")));
    }

    @Test
    void zsh_completes_on_the_first_tab_from_the_function_on_fpath() throws Exception {
        Path functions = Files.createDirectories(dir.resolve("functions"));
        Files.writeString(functions.resolve("_tix"),
                CompletionScripts.zsh(new CommandLine(new CompletionFixture.Tix()).setCommandName("tix")));
        String screen = typed(String.join("\n", ShellRunner.run("zsh", ShellRunner.zshTyping(functions)
                + "zpty -w -n z 'tix adm'$'\\t'\n"
                + "upto 'tix admin ' && zpty -w -n z 'user add --r'$'\\t'\n"
                + "upto '--role ' && zpty -w -n z $'\\t'\n"
                + "upto 'customer'\n"
                + "print -r -- ${screen//$'\\r'/}\n"
                + "zpty -d z")));
        assertTrue(screen.contains("tix admin user add --role "), screen);
        assertTrue(screen.contains("customer") && screen.contains("agent"), screen);
    }

    /** The terminal text as a user reads it: backspaces applied, bells dropped. */
    private static String typed(String raw) {
        StringBuilder text = new StringBuilder();
        for (char c : raw.toCharArray()) {
            if (c == '\b') {
                text.setLength(Math.max(0, text.length() - 1));
            } else if (c != '\u0007') {
                text.append(c);
            }
        }
        return text.toString();
    }
}
