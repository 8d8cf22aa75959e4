package dev.ticket.cli.command;

import dev.ticket.cli.BaseCommand;
import dev.ticket.cli.ExitCodes;
import dev.ticket.cli.UsageException;
import dev.ticket.cli.config.AliasNames;
import dev.ticket.cli.config.Aliases;
import dev.ticket.cli.config.ConfigFile;
import dev.ticket.cli.output.Output;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code ticket alias set|list|delete}: shortcuts stored in the config file, expanded before parsing. */
@Command(name = "alias",
        description = {"Make shortcuts for commands you type often.",
                "'ticket NAME ARGS...' runs the expansion with ARGS added at its end. Aliases live in the config "
                        + "file; an alias cannot have the name of a command."},
        subcommands = {AliasCommand.Set.class, AliasCommand.ListAliases.class, AliasCommand.Delete.class},
        footer = {
                "  ticket alias set queue 'list --awaiting team -s on-customer'",
                "  ticket alias set titles \"list --jq '.[].title'\"",
                "  ticket queue -L 5",
                "  ticket alias delete queue"})
public class AliasCommand extends GroupCommand {

    /** {@code ticket alias set NAME EXPANSION}. */
    @Command(name = "set",
            description = "Create or replace an alias.",
            footer = {"  ticket alias set due 'list --sort due --awaiting team'",
                    "  ticket alias set plain '--no-color list'"},
            modelTransformer = Set.OptionLikeExpansion.class)
    public static class Set extends BaseCommand {
        /**
         * An expansion may start with a global option ('--no-color list', '--server URL list'): a word that is
         * none of this command's options is the expansion, not an unknown option, so no '--' is needed before it.
         * For this command only; its own options (--json, --help...) still count as options, wherever they are.
         * (A word that starts with one of its short options, '-q list', still reads as an option to picocli:
         * '--quiet list', or '--' before it.)
         */
        public static final class OptionLikeExpansion implements picocli.CommandLine.IModelTransformer {
            @Override
            public picocli.CommandLine.Model.CommandSpec transform(picocli.CommandLine.Model.CommandSpec spec) {
                spec.parser().unmatchedOptionsArePositionalParams(true);
                return spec;
            }
        }

        @Parameters(index = "0", paramLabel = "NAME", description = "The alias: letters, digits, '-' and '_'.")
        String name;

        @Parameters(index = "1", paramLabel = "EXPANSION",
                description = "What it stands for, quoted as one word; split like a shell would.")
        String expansion;

        @Override
        protected int run() {
            if (!name.matches("[A-Za-z0-9][A-Za-z0-9_-]*")) {
                throw new UsageException("an alias name is letters, digits, '-' and '_', not '" + name + "'");
            }
            if (TicketCommand.SUBCOMMANDS.containsKey(name)) {
                throw new UsageException("'" + name + "' is a command: an alias cannot replace it");
            }
            List<String> words = Aliases.split(expansion);
            if (words.isEmpty()) {
                throw new UsageException("the expansion of '" + name + "' is empty");
            }
            requireCommand(words);
            ConfigFile config = ConfigFile.load(io.env());
            config.saveAlias(name, expansion.strip());
            AliasNames.remember(io.env(), config.aliases().keySet());
            Output out = out();
            if (out.json()) {
                out.printJson(Map.of("name", name, "expansion", expansion.strip()));
            } else if (!out.quiet()) {
                out.println("Alias '" + name + "' runs 'ticket " + expansion.strip() + "'.");
            }
            return ExitCodes.OK;
        }

        /** An alias expands once, in a command's place: its first word (after global options) is a command. */
        private void requireCommand(List<String> words) {
            String first = TicketCommand.subcommandIn(words.toArray(new String[0]));
            if (first != null && TicketCommand.SUBCOMMANDS.containsKey(first)) {
                return;
            }
            if ("ticket".equals(first)) {
                throw new UsageException("the expansion of '" + name + "' starts with 'ticket': drop it, "
                        + "the alias already stands where 'ticket' is followed by a command");
            }
            throw new UsageException("the expansion of '" + name + "' must start with a command"
                    + (first == null ? "" : ", and '" + first + "' is not one") + ": see 'ticket help'");
        }
    }

    /** {@code ticket alias list}. */
    @Command(name = "list",
            description = {"List the aliases: NAME: EXPANSION, one a line.", "--json: an object by name."},
            footer = {"  ticket alias list", "  ticket alias list -q"})
    public static class ListAliases extends BaseCommand {
        @Override
        protected List<String> jsonFields() {
            if (io == null) {
                return List.of(); // the user's own alias names: none known when the completion script is made
            }
            return new ArrayList<>(ConfigFile.load(io.env()).aliases().keySet());
        }

        @Override
        protected int run() {
            Map<String, String> aliases = ConfigFile.load(io.env()).aliases();
            AliasNames.remember(io.env(), aliases.keySet());
            Output out = out();
            if (out.json()) {
                out.printJson(new LinkedHashMap<>(aliases));
            } else if (out.quiet()) {
                aliases.keySet().forEach(out::println);
            } else if (aliases.isEmpty()) {
                out.note("No aliases yet: see 'ticket alias set --help'.");
            } else {
                aliases.forEach((name, expansion) -> out.println(name + ": " + expansion));
            }
            return ExitCodes.OK;
        }
    }

    /** {@code ticket alias delete NAME}. */
    @Command(name = "delete", description = "Remove an alias.",
            footer = {"  ticket alias delete queue"})
    public static class Delete extends BaseCommand {
        @Parameters(index = "0", paramLabel = "NAME", completionCandidates = Aliases.Names.class,
                description = "The alias.")
        String name;

        @Override
        protected int run() {
            ConfigFile config = ConfigFile.load(io.env());
            boolean removed = config.removeAlias(name);
            AliasNames.remember(io.env(), config.aliases().keySet());
            if (!removed) {
                throw new UsageException("no alias '" + name + "'" + (config.aliases().isEmpty() ? ""
                        : "; the aliases are: " + String.join(", ", config.aliases().keySet())));
            }
            if (!out().quiet() && !out().json()) {
                out().println("Alias '" + name + "' deleted.");
            }
            return ExitCodes.OK;
        }
    }
}
