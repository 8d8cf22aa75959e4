package dev.ticket.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.ticket.cli.command.TicketCommand;
import dev.ticket.cli.docs.CompletionScripts;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/**
 * The committed man/ and completions/ are what the command definitions generate. The build writes the man pages
 * to target/generated-docs/man at process-classes (picocli's ManPageGenerator, then asciidoctor); the completion
 * scripts are generated here, by the same code as {@code ticket completion}.
 */
class GeneratedDocsTest {
    private static final String REFRESH = "run scripts/regen-docs.sh and commit man/ and completions/";
    private static final Path GENERATED_MAN = Path.of("target", "generated-docs", "man");

    private final CommandLine ticket = TicketCommand.tree();

    @Test
    void committed_man_pages_are_the_ones_the_build_generates() throws IOException {
        assertTrue(Files.isDirectory(GENERATED_MAN), GENERATED_MAN + " is missing: build with 'mvn process-classes' "
                + "(or later phases), which generates the man pages");
        List<String> stale = new ArrayList<>();
        TreeSet<String> names = new TreeSet<>(pages(GENERATED_MAN));
        names.addAll(pages(Path.of("man")));
        for (String name : names) {
            if (!read(GENERATED_MAN.resolve(name)).equals(read(Path.of("man", name)))) {
                stale.add("man/" + name);
            }
        }
        if (!stale.isEmpty()) {
            fail(stale + " differ from what the command definitions generate (" + GENERATED_MAN + "): " + REFRESH);
        }
    }

    @Test
    void man_pages_show_shell_variables_in_examples_as_written_not_null() throws IOException {
        for (String name : pages(Path.of("man"))) {
            String page = read(Path.of("man", name));
            assertTrue(!page.matches("(?s).*\\bnull\\b.*"), name + " says null");
        }
        assertTrue(read(Path.of("man", "ticket-completion.1")).contains("\"${fpath[1]}/_ticket\""));
    }

    @Test
    void there_is_a_man_page_for_ticket_and_each_subcommand() throws IOException {
        List<String> expected = new ArrayList<>();
        collectPages(ticket.getCommandSpec(), "ticket", expected);
        assertEquals(new TreeSet<>(expected), new TreeSet<>(pages(Path.of("man"))), REFRESH);
    }

    @Test
    void committed_completion_scripts_are_what_ticket_completion_prints() throws IOException {
        Map<String, String> generated = Map.of(
                CompletionScripts.BASH_FILE, CompletionScripts.bash(ticket),
                CompletionScripts.ZSH_FILE, CompletionScripts.zsh(ticket),
                CompletionScripts.FISH_FILE, CompletionScripts.fish(ticket));
        List<String> stale = generated.entrySet().stream()
                .filter(script -> !script.getValue().equals(read(Path.of("completions", script.getKey()))))
                .map(script -> "completions/" + script.getKey())
                .sorted()
                .collect(Collectors.toList());
        if (!stale.isEmpty()) {
            fail(stale + " differ from what the command definitions generate: " + REFRESH);
        }
    }

    @Test
    void ticket_completion_prints_the_scripts_shipped_in_completions() {
        Map<String, String> files = Map.of("bash", CompletionScripts.BASH_FILE, "zsh", CompletionScripts.ZSH_FILE,
                "fish", CompletionScripts.FISH_FILE);
        for (Map.Entry<String, String> shell : files.entrySet()) {
            assertEquals(read(Path.of("completions", shell.getValue())),
                    new CliHarness(null).ok("completion", shell.getKey()), "ticket completion " + shell.getKey());
        }
    }

    @Test
    void every_command_has_a_description_and_examples_for_its_help_and_man_page() {
        List<String> lacking = new ArrayList<>();
        List<CommandSpec> commands = new ArrayList<>();
        collectCommands(ticket.getCommandSpec(), commands);
        for (CommandSpec command : commands) {
            if (String.join("", command.usageMessage().description()).isBlank()) {
                lacking.add("'" + command.qualifiedName() + "' has no description");
            }
            if (!command.commandLine().getUsageMessage(CommandLine.Help.Ansi.OFF).contains("\nExamples:\n  ")) {
                lacking.add("'" + command.qualifiedName() + "' has no examples under \"Examples:\"");
            }
        }
        assertEquals(List.of(), lacking, "the help and the man pages come from the @Command annotations");
    }

    private static void collectCommands(CommandSpec spec, List<CommandSpec> commands) {
        commands.add(spec);
        for (Map.Entry<String, CommandLine> sub : spec.subcommands().entrySet()) {
            if (sub.getKey().equals(sub.getValue().getCommandSpec().name())) {
                collectCommands(sub.getValue().getCommandSpec(), commands);
            }
        }
    }

    private static void collectPages(CommandSpec spec, String page, List<String> pages) {
        pages.add(page + ".1");
        for (Map.Entry<String, CommandLine> sub : spec.subcommands().entrySet()) {
            CommandSpec child = sub.getValue().getCommandSpec();
            if (sub.getKey().equals(child.name())) {
                collectPages(child, page + "-" + child.name(), pages);
            }
        }
    }

    private static List<String> pages(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(file -> file.getFileName().toString()).filter(name -> name.endsWith(".1"))
                    .sorted().collect(Collectors.toList());
        }
    }

    /** The file's text, or a marker that no page equals when it does not exist. */
    private static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "<missing " + file + ">";
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
