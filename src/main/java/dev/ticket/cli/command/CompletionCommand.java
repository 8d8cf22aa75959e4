package dev.ticket.cli.command;

import dev.ticket.cli.config.AgentNames;
import dev.ticket.cli.config.AliasNames;
import dev.ticket.cli.config.ConfigFile;
import dev.ticket.cli.config.RecentIds;
import dev.ticket.cli.BaseCommand;
import dev.ticket.cli.ExitCodes;
import dev.ticket.cli.UsageException;
import dev.ticket.cli.docs.CompletionScripts;
import java.util.List;
import picocli.CommandLine;
import dev.ticket.client.TicketQuery;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code ticket completion SHELL}: prints a completion script. */
@Command(name = "completion",
        description = {"Print a shell completion script for bash, zsh or fish.",
                "The same scripts ship in completions/. They complete subcommands, flags and the values of closed "
                        + "sets (types, statuses...), profile and alias names, the ids of recent tickets (with "
                        + "their titles in fish) and the agents' names (assign --to, list --assignee). The ids come "
                        + "from a cache file that list, show and new keep, refreshed from the service in the "
                        + "background when a Tab finds it over a minute old; the names likewise (assign and list "
                        + "--assignee keep them; over ten minutes old is refreshed); so no Tab waits for the service."},
        footer = {
                "  source <(ticket completion bash)              # bash, in ~/.bashrc",
                "  ticket completion zsh > \"$${fpath[1]}/_ticket\"  # zsh",
                "  ticket completion fish > ~/.config/fish/completions/ticket.fish"})
public class CompletionCommand extends BaseCommand {
    /** The shells there are scripts for. */
    public static final class Shells implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return List.of("bash", "zsh", "fish").iterator();
        }
    }

    @Parameters(index = "0", arity = "0..1", paramLabel = "SHELL", completionCandidates = Shells.class,
            description = "bash, zsh or fish.")
    String shell;

    /** What the scripts run in the background: the recent tickets from the service into their cache file. */
    @Option(names = "--refresh-ids", hidden = true)
    boolean refreshIds;

    /** What the scripts run in the background: the team's names from the service into their cache file. */
    @Option(names = "--refresh-agents", hidden = true)
    boolean refreshAgents;

    /** What the scripts run in the background: the config file's alias names into their cache file. */
    @Option(names = "--refresh-aliases", hidden = true)
    boolean refreshAliases;

    @Override
    protected boolean printsJson() {
        return false;
    }

    @Override
    protected int run() {
        if (refreshIds) {
            RecentIds.replace(io.env(), ListCommand.fetch(client(), TicketQuery.ALL, RecentIds.KEPT,
                    RecentIds.KEPT).tickets());
            return ExitCodes.OK;
        }
        if (refreshAgents) {
            AgentNames.remember(io.env(), client().agents()); // a customer: 403, and the file stays empty
            return ExitCodes.OK;
        }
        if (refreshAliases) {
            AliasNames.remember(io.env(), ConfigFile.load(io.env()).aliases().keySet());
            return ExitCodes.OK;
        }
        if (shell == null) {
            throw new UsageException("name a shell: bash, zsh or fish");
        }
        CommandLine root = spec.root().commandLine();
        switch (shell) {
            case "bash":
                io.out().print(CompletionScripts.bash(root));
                break;
            case "zsh":
                io.out().print(CompletionScripts.zsh(root));
                break;
            case "fish":
                io.out().print(CompletionScripts.fish(root));
                break;
            default:
                throw new UsageException("no completion for '" + shell + "': choose bash, zsh or fish");
        }
        return ExitCodes.OK;
    }
}
