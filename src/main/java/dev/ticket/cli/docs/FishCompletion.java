package dev.ticket.cli.docs;

import dev.ticket.cli.JsonFieldsOption;
import dev.ticket.cli.config.AgentNames;
import dev.ticket.cli.config.AliasNames;
import dev.ticket.cli.config.RecentIds;
import dev.ticket.cli.command.ProfileCommand;
import dev.ticket.cli.config.Aliases;
import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * The fish completion script for a picocli command tree (picocli itself generates only bash): subcommands at
 * every level, flags with their descriptions, and the values of closed sets from {@code completionCandidates}.
 */
public final class FishCompletion {
    private static final int MAX_DESCRIPTION = 80;

    private final String name;
    private final String prefix;
    private final StringBuilder children = new StringBuilder();
    private final List<String> valueOptions = new ArrayList<>();
    private final StringBuilder completions = new StringBuilder();

    private FishCompletion(String name) {
        this.name = name;
        this.prefix = "__" + name.replaceAll("[^A-Za-z0-9_]", "_");
    }

    /** The whole script for {@code root} and its subcommands; fish loads it from its completions directory. */
    public static String script(CommandLine root) {
        JsonFieldsOption.completeOwnFields(root);
        FishCompletion fish = new FishCompletion(root.getCommandName());
        fish.walk(root.getCommandSpec(), "");
        return fish.render();
    }

    private void walk(CommandSpec spec, String path) {
        String at = " -n '" + prefix + "_at \"" + path + "\"'";
        for (Map.Entry<String, CommandLine> entry : spec.subcommands().entrySet()) {
            CommandSpec sub = entry.getValue().getCommandSpec();
            String child = (path + " " + sub.name()).strip();
            children.append("        case ").append(quote(path + "/" + entry.getKey())).append("\n            echo ")
                    .append(quote(child)).append('\n');
            if (entry.getKey().equals(sub.name()) && !sub.usageMessage().hidden()) {
                line(at + " -a " + quote(sub.name()) + " -d " + quote(summary(sub.usageMessage().description())));
            }
        }
        if (path.isEmpty() || path.equals("help")) { // the user's aliases stand where a command does
            line(at + " -a '(" + prefix + "_alias_names)' -d alias");
        }
        for (OptionSpec option : spec.options()) {
            if (!option.hidden()) {
                option(spec, option, path, at);
            }
        }
        for (PositionalParamSpec positional : spec.positionalParameters()) {
            String argument = argument(positional);
            if (!positional.hidden() && !argument.isEmpty()) {
                line(at + " " + argument);
            }
        }
        for (Map.Entry<String, CommandLine> entry : spec.subcommands().entrySet()) {
            CommandSpec sub = entry.getValue().getCommandSpec();
            if (entry.getKey().equals(sub.name())) {
                walk(sub, (path + " " + sub.name()).strip());
            }
        }
    }

    private void option(CommandSpec spec, OptionSpec option, String path, String at) {
        StringBuilder flags = new StringBuilder();
        for (String flag : names(spec, option)) {
            if (flag.startsWith("--")) {
                flags.append(" -l ").append(quote(flag.substring(2)));
            } else if (flag.length() == 2) {
                flags.append(" -s ").append(quote(flag.substring(1)));
            } else {
                flags.append(" -o ").append(quote(flag.substring(1)));
            }
            if (option.arity().min() > 0) {
                valueOptions.add(quote(path + "/" + flag));
            }
        }
        String argument = option.arity().max() > 0 ? argument(option) : null;
        if ("--json".equals(option.longestName()) && argument != null && !argument.isEmpty()) {
            List<String> fields = new ArrayList<>(); // 'id,ti': the fields after the last comma (__ticket_fields)
            option.completionCandidates().forEach(fields::add);
            argument = "-k -a " + quote("(" + prefix + "_fields " + String.join(" ", fields) + ")");
        }
        String values = argument == null ? "" : argument.equals("-F") ? " -r -F"
                : " -x" + (argument.isEmpty() ? "" : " " + argument);
        line(at + flags + values + " -d " + quote(summary(option.description(), option)));
    }

    private static List<String> names(CommandSpec spec, OptionSpec option) {
        List<String> names = new ArrayList<>(List.of(option.names()));
        if (option.negatable()) {
            for (String flag : option.names()) {
                String negative = spec.negatableOptionTransformer().makeNegative(flag, spec);
                if (!names.contains(negative)) {
                    names.add(negative);
                }
            }
        }
        return names;
    }

    /** How fish completes the argument: the candidates, files, directories, or nothing (empty). */
    private static String argument(ArgSpec arg) {
        List<String> candidates = new ArrayList<>();
        if (arg.completionCandidates() != null) {
            arg.completionCandidates().forEach(candidates::add);
        }
        if (candidates.contains(ProfileCommand.COMPLETION_MARKER)) {
            return "-a '(ticket profile list -q 2>/dev/null)'"; // names as they are when Tab is pressed
        }
        if (candidates.contains(RecentIds.COMPLETION_MARKER)) {
            return "-k -a '(__ticket_recent_ids)'"; // id and title, most recent first
        }
        if (candidates.remove(AgentNames.COMPLETION_MARKER)) { // me (and none), then the names kept in the cache
            return "-k -a " + quote(String.join(" ", candidates) + " (__ticket_agent_names)");
        }
        if (candidates.contains(Aliases.COMPLETION_MARKER)) {
            return "-a '(ticket alias list -q 2>/dev/null)'";
        }
        if (!candidates.isEmpty()) {
            return "-k -a " + quote(String.join(" ", candidates));
        }
        String label = arg.paramLabel() == null ? "" : arg.paramLabel();
        boolean pathType = Path.class.isAssignableFrom(arg.auxiliaryTypes()[0]) || arg.auxiliaryTypes()[0] == File.class;
        if (label.contains("DIR")) {
            return "-a '(__fish_complete_directories)'";
        }
        return pathType || label.contains("FILE") ? "-F" : "";
    }

    private static String summary(String[] description) {
        return summary(description, null);
    }

    /** The first sentence of the first description line, with picocli's variables filled in. */
    private static String summary(String[] description, OptionSpec option) {
        if (description.length == 0) {
            return "";
        }
        String text = description[0];
        if (option != null) {
            String defaultValue = option.defaultValue() == null ? "" : option.defaultValue();
            text = text.replace("${DEFAULT-VALUE}", defaultValue);
        }
        text = text.replaceAll("\\$\\{[^}]*}", "").replaceAll("\\s+", " ").strip();
        int end = text.indexOf(". ");
        String sentence = end > 0 ? text.substring(0, end) : text.replaceAll("(?<!\\.)\\.$", "");
        return sentence.length() > MAX_DESCRIPTION ? sentence.substring(0, MAX_DESCRIPTION - 1) + "…" : sentence;
    }

    private void line(String arguments) {
        completions.append("complete -c ").append(name).append(arguments).append('\n');
    }

    private String render() {
        return "# fish completion for " + name + ", generated from its picocli command definitions.\n"
                + "# Install: " + name + " completion fish > ~/.config/fish/completions/" + name + ".fish\n\n"
                + "# The subcommand typed so far: '' for " + name + " itself, 'admin user' for "
                + name + " admin user ...\n"
                + "function " + prefix + "_path\n"
                + "    set -l tokens (commandline -opc)\n"
                + "    set -e tokens[1]\n"
                + "    set -l path ''\n"
                + "    set -l skip 0\n"
                + "    for token in $tokens\n"
                + "        if test $skip = 1\n"
                + "            set skip 0\n"
                + "        else if string match -q -- '-*' $token\n"
                + "            " + prefix + "_takes_value \"$path\" $token; and set skip 1\n"
                + "        else\n"
                + "            set -l child (" + prefix + "_child \"$path\" $token)\n"
                + "            and set path $child\n"
                + "        end\n"
                + "    end\n"
                + "    echo $path\n"
                + "end\n\n"
                + "function " + prefix + "_at\n"
                + "    set -l path (" + prefix + "_path)\n"
                + "    test \"$path\" = \"$argv[1]\"\n"
                + "end\n\n"
                + "function " + prefix + "_child --argument-names path token\n"
                + "    switch \"$path/$token\"\n"
                + children
                + "        case '*'\n"
                + "            return 1\n"
                + "    end\n"
                + "end\n\n"
                + "function " + prefix + "_takes_value --argument-names path token\n"
                + "    switch \"$path/$token\"\n"
                + "        case " + (valueOptions.isEmpty() ? "''" : String.join(" ", valueOptions)) + "\n"
                + "            return 0\n"
                + "    end\n"
                + "    return 1\n"
                + "end\n\n"
                + "# Recent ticket ids with their titles, from the cache that list, show and new keep (no JVM, no\n"
                + "# request on a Tab). None yet or over a minute old: refreshed in the background for the next Tab.\n"
                + cacheReader("recent_ids", "recent-ids", 1, "--refresh-ids") + "\n"
                + "# Agent names from the cache that assign and list --assignee keep; over ten minutes old: refreshed\n"
                + "# in the background for the next Tab.\n"
                + cacheReader("agent_names", "agents", 10, "--refresh-agents") + "\n"
                + "# Alias names from the cache that 'alias set|delete|list' keep (no JVM on a Tab); refreshed in the\n"
                + "# background for the next Tab when the config file is newer (edited by hand).\n"
                + "function " + prefix + "_alias_names\n"
                + "    set -l dir $HOME/.cache/" + name + "\n"
                + "    set -q XDG_CACHE_HOME; and test -n \"$XDG_CACHE_HOME\"; and set dir $XDG_CACHE_HOME/" + name + "\n"
                + "    set -l config $HOME/.config/" + name + "/config.json\n"
                + "    set -q XDG_CONFIG_HOME; and test -n \"$XDG_CONFIG_HOME\"; and set config $XDG_CONFIG_HOME/" + name
                + "/config.json\n"
                + "    set -l file $dir/" + AliasNames.FILE + "\n"
                + "    if test -f $config; and begin; not test -e $file; or test $config -nt $file; end\n"
                + "        mkdir -p -m 700 $dir 2>/dev/null; and touch $file 2>/dev/null\n"
                + "        sh -c 'command " + name + " completion --refresh-aliases </dev/null >/dev/null 2>&1 &'\n"
                + "    end\n"
                + "    test -f $file; and cat $file\n"
                + "end\n\n"
                + "# The --json fields for a word like 'id,ti': the names after its last comma that start so, each after\n"
                + "# the fields already listed (and not one of them again).\n"
                + "function " + prefix + "_fields\n"
                + "    set -l word (commandline -ct)\n"
                + "    set -l listed ''\n"
                + "    if string match -q -- '*,*' $word\n"
                + "        set listed (string replace -r ',[^,]*$' ',' -- $word)\n"
                + "        set word (string replace -r '.*,' '' -- $word)\n"
                + "    end\n"
                + "    for field in $argv\n"
                + "        if string match -q -- \"$word*\" $field; and not string match -q -- \"*,$field,*\" \",$listed\"\n"
                + "            echo $listed$field\n"
                + "        end\n"
                + "    end\n"
                + "end\n\n"
                + "complete -c " + name + " -f\n"
                + completions;
    }

    /** A fish function that prints a cache file of the CLI's, and has it refreshed in the background when old. */
    private static String cacheReader(String function, String file, int minutes, String refresh) {
        return "function __ticket_" + function + "\n"
                + "    set -l dir $HOME/.cache/ticket\n"
                + "    set -q XDG_CACHE_HOME; and test -n \"$XDG_CACHE_HOME\"; and set dir $XDG_CACHE_HOME/ticket\n"
                + "    set -l file $dir/" + file + "\n"
                + "    set -l stale (find $file -mmin +" + minutes + " 2>/dev/null)\n"
                + "    if not test -e $file; or set -q stale[1]\n"
                + "        mkdir -p -m 700 $dir 2>/dev/null; and touch $file 2>/dev/null\n"
                + "        sh -c 'command ticket completion " + refresh + " </dev/null >/dev/null 2>&1 &'\n"
                + "    end\n"
                + "    test -f $file; and cat $file\n"
                + "end\n";
    }

    /** A fish single-quoted string: only backslash and the quote need escaping. */
    private static String quote(String text) {
        return "'" + text.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }
}
