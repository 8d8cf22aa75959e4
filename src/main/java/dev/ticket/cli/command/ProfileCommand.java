package dev.ticket.cli.command;

import dev.ticket.cli.BaseCommand;
import dev.ticket.cli.ExitCodes;
import dev.ticket.cli.UsageException;
import dev.ticket.cli.config.ConfigFile;
import dev.ticket.cli.config.Settings;
import dev.ticket.cli.output.Output;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code ticket profile list|use|remove}: the config file's named profiles ({@code login --profile} makes them). */
@Command(name = "profile",
        description = {"List, switch and remove profiles: a server and a token under a name.",
                "'ticket login --profile NAME' creates or replaces one; --profile NAME on any command uses it once."},
        subcommands = {ProfileCommand.ListProfiles.class, ProfileCommand.Use.class, ProfileCommand.Remove.class},
        footer = {
                "  ticket login --profile agent --server https://support.example.com",
                "  ticket profile list",
                "  ticket profile use agent",
                "  ticket profile remove old"})
public class ProfileCommand extends GroupCommand {
    /** Stands for the profile names in the completion scripts, which ask {@code ticket profile list -q}. */
    public static final String COMPLETION_MARKER = "@@ticket-profiles@@";

    /** A usage error naming the profiles there are. */
    public static UsageException unknown(String name, ConfigFile config) {
        return new UsageException("no profile '" + name + "'" + (config.profiles().isEmpty()
                ? ": there are none yet (create one with 'ticket login --profile " + name + "')"
                : "; the profiles are: " + String.join(", ", new java.util.TreeSet<>(config.profiles().keySet()))));
    }

    /** {@code ticket profile list}. */
    @Command(name = "list",
            description = {"List the profiles; '*' marks the current one.",
                    "--json: an array of {name, server, current, logged_in} (never the token); -q: the names."},
            footer = {"  ticket profile list", "  ticket profile list --json name,current"})
    public static class ListProfiles extends BaseCommand {
        @Override
        protected List<String> jsonFields() {
            return List.of("name", "server", "current", "logged_in");
        }

        @Override
        protected int run() {
            ConfigFile config = ConfigFile.load(io.env());
            Output out = out();
            if (out.json()) {
                List<Map<String, Object>> rows = new ArrayList<>();
                config.profiles().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(entry -> {
                    Map<String, Object> row = new LinkedHashMap<>();
                    row.put("name", entry.getKey());
                    row.put("server", entry.getValue().server());
                    row.put("current", config.isCurrent(entry.getKey()));
                    row.put("logged_in", entry.getValue().token() != null);
                    rows.add(row);
                });
                out.printJson(rows);
                return ExitCodes.OK;
            }
            if (config.profiles().isEmpty() && !out.quiet()) {
                out.note("No profiles yet: create one with 'ticket login'.");
            }
            int width = config.profiles().keySet().stream().mapToInt(String::length).max().orElse(0);
            config.profiles().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(entry -> {
                String name = entry.getKey();
                if (out.quiet()) {
                    out.println(name);
                    return;
                }
                ConfigFile.Profile p = entry.getValue();
                out.println((config.isCurrent(name) ? "* " : "  ") + pad(name, width) + "  "
                        + (p.server() == null ? Settings.DEFAULT_SERVER : p.server())
                        + (p.token() == null ? "  (logged out)" : ""));
            });
            return ExitCodes.OK;
        }

        private static String pad(String text, int width) {
            return text + " ".repeat(Math.max(0, width - text.length()));
        }
    }

    /** {@code ticket profile use NAME}. */
    @Command(name = "use",
            description = "Make a profile the current one: the one commands use without --profile.",
            footer = {"  ticket profile use agent"})
    public static class Use extends OnProfile {
        @Override
        String change(ConfigFile config) {
            config.useProfile(name);
            return "Now using profile '" + name + "'.";
        }
    }

    /** {@code ticket profile remove NAME}. */
    @Command(name = "remove",
            description = {"Remove a profile and its token from the config file.",
                    "The token stays valid at the service until an admin revokes it."},
            footer = {"  ticket profile remove old"})
    public static class Remove extends OnProfile {
        @Override
        String change(ConfigFile config) {
            config.removeProfile(name);
            return "Removed profile '" + name + "' from " + config.path() + ".";
        }
    }

    /** A subcommand that changes the existing profile NAME. */
    abstract static class OnProfile extends BaseCommand {
        @Parameters(index = "0", paramLabel = "NAME", completionCandidates = Names.class, description = "The profile.")
        String name;

        @Override
        protected int run() {
            ConfigFile config = ConfigFile.load(io.env());
            if (config.profile(name).isEmpty()) {
                throw unknown(name, config);
            }
            String done = change(config);
            if (out().human()) {
                out().println(done);
            }
            return ExitCodes.OK;
        }

        /** Makes the change; returns the line that tells a person what was done. */
        abstract String change(ConfigFile config);
    }

    /** For completion scripts: a marker they replace with a call of {@code ticket profile list -q}. */
    public static final class Names implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return List.of(COMPLETION_MARKER).iterator();
        }
    }
}
