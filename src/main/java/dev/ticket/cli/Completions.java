package dev.ticket.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/** Shell completion scripts generated from the command definitions: bash and zsh by picocli, fish here. */
public final class Completions {
    private Completions() {
    }

    /** The bash script; zsh uses it too (through bashcompinit, which the script loads). */
    public static String bash(CommandLine root) {
        return AutoComplete.bash(root.getCommandName(), root);
    }

    /** The fish script: subcommands at every level, flags with descriptions, and the values of closed sets. */
    public static String fish(CommandLine root) {
        CommandSpec spec = root.getCommandSpec();
        String name = spec.name();
        List<String> paths = new ArrayList<>();
        collectPaths(spec, "", paths);
        StringBuilder out = new StringBuilder();
        out.append("# fish completion for ").append(name).append(", generated from its command definitions\n");
        out.append("function __").append(name).append("_cmd\n")
                .append("    set -l path ''\n")
                .append("    for tok in (commandline -opc)[2..-1]\n")
                .append("        string match -q -- '-*' $tok; and continue\n")
                .append("        set -l next (string trim -- \"$path $tok\")\n")
                .append("        contains -- $next ").append(quoteAll(paths)).append("; and set path $next\n")
                .append("    end\n")
                .append("    echo $path\n")
                .append("end\n");
        out.append("function __").append(name).append("_is\n")
                .append("    test (__").append(name).append("_cmd) = \"$argv[1]\"\n")
                .append("end\n");
        out.append("complete -c ").append(name).append(" -f\n");
        emit(spec, "", name, out);
        return out.toString();
    }

    private static void collectPaths(CommandSpec spec, String path, List<String> paths) {
        for (Map.Entry<String, CommandLine> sub : spec.subcommands().entrySet()) {
            String child = (path + " " + sub.getKey()).strip();
            paths.add(child);
            collectPaths(sub.getValue().getCommandSpec(), child, paths);
        }
    }

    private static void emit(CommandSpec spec, String path, String name, StringBuilder out) {
        String condition = "-n '__" + name + "_is \"" + path + "\"'";
        for (Map.Entry<String, CommandLine> sub : spec.subcommands().entrySet()) {
            CommandSpec child = sub.getValue().getCommandSpec();
            if (!sub.getKey().equals(child.name())) {
                continue;
            }
            out.append("complete -c ").append(name).append(' ').append(condition).append(" -a ")
                    .append(quote(sub.getKey())).append(" -d ").append(quote(summary(child))).append('\n');
        }
        for (OptionSpec option : spec.options()) {
            if (option.hidden()) {
                continue;
            }
            out.append("complete -c ").append(name).append(' ').append(condition).append(flags(option));
            if (option.arity().max() > 0) {
                out.append(values(option.completionCandidates(), option.paramLabel()));
            }
            String description = option.description().length == 0 ? "" : option.description()[0];
            out.append(" -d ").append(quote(firstSentence(description))).append('\n');
        }
        for (PositionalParamSpec positional : spec.positionalParameters()) {
            if (positional.completionCandidates() != null) {
                out.append("complete -c ").append(name).append(' ').append(condition)
                        .append(values(positional.completionCandidates(), positional.paramLabel())).append('\n');
            }
        }
        for (Map.Entry<String, CommandLine> sub : spec.subcommands().entrySet()) {
            if (sub.getKey().equals(sub.getValue().getCommandSpec().name())) {
                emit(sub.getValue().getCommandSpec(), (path + " " + sub.getKey()).strip(), name, out);
            }
        }
    }

    private static String flags(OptionSpec option) {
        StringBuilder flags = new StringBuilder();
        for (String flag : option.names()) {
            if (flag.startsWith("--")) {
                flags.append(" -l ").append(flag.substring(2));
            } else if (flag.startsWith("-") && flag.length() == 2) {
                flags.append(" -s ").append(flag.substring(1));
            } else {
                flags.append(" -o ").append(flag.substring(1));
            }
        }
        return flags.toString();
    }

    private static String values(Iterable<String> candidates, String label) {
        if (candidates != null) {
            List<String> values = new ArrayList<>();
            candidates.forEach(values::add);
            if (!values.isEmpty()) {
                return " -x -a " + quote(String.join(" ", values));
            }
        }
        return label != null && (label.contains("FILE") || label.contains("DIR")) ? " -r -F" : " -x";
    }

    private static String summary(CommandSpec spec) {
        String[] description = spec.usageMessage().description();
        return description.length == 0 ? "" : firstSentence(description[0]);
    }

    private static String firstSentence(String text) {
        String plain = text.replaceAll("\\$\\{[^}]*}", "").strip();
        int end = plain.indexOf(". ");
        String sentence = end > 0 ? plain.substring(0, end) : plain.replaceAll("\\.$", "");
        return sentence.length() > 80 ? sentence.substring(0, 79) + "…" : sentence;
    }

    private static String quoteAll(List<String> values) {
        StringBuilder all = new StringBuilder();
        for (String value : values) {
            all.append(all.length() == 0 ? "" : " ").append(quote(value));
        }
        return all.toString();
    }

    private static String quote(String text) {
        return "'" + text.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }
}
