package dev.ticket.cli.docs;

import dev.ticket.cli.BaseCommand;
import dev.ticket.cli.command.TicketCommand;
import java.io.File;
import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.UsageMessageSpec;

/**
 * Build-time tool: writes the AsciiDoc sources of the man pages (one for {@code ticket}, one per subcommand) with
 * picocli's ManPageGenerator; asciidoctor then turns them into man/*.1. The build runs it at process-classes.
 */
public final class ManPages {
    private static final String GENERATOR = "picocli.codegen.docgen.manpage.ManPageGenerator";
    private static final String EXAMPLES = "Examples:";

    private ManPages() {
    }

    /** {@code args[0]}: the directory for the .adoc files (emptied first, so no page outlives its command). */
    public static void main(String[] args) throws Exception {
        Path dir = Files.createDirectories(Path.of(args[0]));
        try (Stream<Path> old = Files.list(dir)) {
            for (Path file : (Iterable<Path>) old.filter(f -> f.toString().endsWith(".adoc"))::iterator) {
                Files.delete(file);
            }
        }
        CommandSpec root = TicketCommand.tree().getCommandSpec();
        examplesSection(root);
        generate(dir.toFile(), root);
    }

    /**
     * The commands keep their examples in the footer, under an "Examples:" heading (BaseCommand's) or after an
     * "Examples:" line (the root's, whose footer starts with the exit status), as the help shows them; but
     * ManPageGenerator writes a footer only under a footer heading of its own. So the examples become an EXAMPLES
     * section, and any footer text before them (the root's exit status) joins the description.
     */
    static void examplesSection(CommandSpec spec) {
        UsageMessageSpec usage = spec.usageMessage();
        List<String> footer = Arrays.asList(usage.footer());
        int examples = usage.footerHeading().equals(BaseCommand.EXAMPLES) ? 0
                : IntStream.range(0, footer.size()).filter(i -> footer.get(i).strip().equals(EXAMPLES))
                        .map(i -> i + 1).findFirst().orElse(-1);
        if (examples >= 0) {
            List<String> description = new ArrayList<>(Arrays.asList(usage.description()));
            footer.subList(0, examples).stream().filter(line -> !line.isBlank() && !line.strip().equals(EXAMPLES))
                    .forEach(line -> {
                        description.add("");
                        description.add(line);
                    });
            usage.description(description.stream().map(ManPages::literal).toArray(String[]::new));
            usage.footerHeading("Examples");
            usage.footer(footer.subList(examples, footer.size()).stream().map(ManPages::literal)
                    .toArray(String[]::new));
        }
        for (CommandLine sub : spec.subcommands().values()) {
            examplesSection(sub.getCommandSpec());
        }
    }

    /**
     * The getters gave the text with picocli's variables already expanded, and the generator expands it again: a
     * shell's {@code ${fpath[1]}} in an example must stay escaped ({@code $${...}}) or the page shows "null".
     */
    private static String literal(String text) {
        return text.replace("${", "$${");
    }

    /**
     * picocli-codegen is a build-time dependency (the exec plugin's, not the product's), so it is called by name:
     * {@code ManPageGenerator.generateManPage(outdir, templateDir, verbosity, overwrite, specs...)}.
     */
    private static void generate(File dir, CommandSpec root) throws Exception {
        Method generate = Class.forName(GENERATOR).getMethod("generateManPage", File.class, File.class,
                boolean[].class, boolean.class, CommandSpec[].class);
        int status = (Integer) generate.invoke(null, dir, null, new boolean[0], false, new CommandSpec[] {root});
        if (status != 0) {
            throw new IOException("ManPageGenerator exited " + status);
        }
    }
}
