package dev.ticket.cli;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParseResult;

/**
 * A refusal the service words with its API field names ({@code dialog_url must be an http or https link}),
 * told with the flag the user typed ({@code --dialog must be...}), as rules.md, contract asks. Each command says which
 * of its options fill which API field; the flag is the spelling found on the command line ({@code -t} or
 * {@code --title}), else the option's long name. An API field the service calls unknown means the service is
 * older than this CLI.
 */
final class FlagNames {
    private static final Pattern UNKNOWN = Pattern.compile(
            "(?i)unknown (?:field|property|member|parameter)\\W*([A-Za-z_][A-Za-z0-9_-]*)");

    private FlagNames() {
    }

    /**
     * The sentence with the API fields in {@code flags} (field → option name, or words such as "the message")
     * named as the user knows them.
     */
    static String rewrite(String sentence, Map<String, String> flags, CommandSpec spec) {
        if (sentence == null || flags.isEmpty()) {
            return sentence;
        }
        Matcher unknown = UNKNOWN.matcher(sentence);
        if (unknown.find() && flags.containsKey(unknown.group(1))) {
            String flag = typed(flags.get(unknown.group(1)), spec);
            return "the service is older than this CLI: it does not take " + flag + " (API field '"
                    + unknown.group(1) + "'); update the service, or leave " + flag + " out";
        }
        String text = sentence;
        for (Map.Entry<String, String> e : flags.entrySet()) {
            String field = Pattern.quote(e.getKey());
            String flag = Matcher.quoteReplacement(typed(e.getValue(), spec));
            // at the start (with a gloss in brackets the service adds: "body (the first message)"), quoted, or
            // anywhere when the name cannot be an English word (dialog_url, Idempotency-Key)
            text = text.replaceFirst("^" + field + "(?: \\([^)]*\\))?(?![\\w-])", flag);
            text = text.replaceAll("(['\"])" + field + "\\1", "$1" + flag + "$1");
            if (e.getKey().matches(".*[_-].*")) {
                text = text.replaceAll("(?<![\\w-])" + field + "(?![\\w-])", flag);
            }
        }
        return text;
    }

    /** How the user wrote the option named {@code name}: the alias on the command line, else its longest name. */
    static String typed(String name, CommandSpec spec) {
        OptionSpec option = name.startsWith("-") && spec != null ? spec.findOption(name) : null;
        if (option == null) {
            return name;
        }
        ParseResult parsed = spec.commandLine() == null ? null : spec.commandLine().getParseResult();
        List<String> args = parsed == null ? List.of() : parsed.originalArgs();
        for (String arg : args) {
            if (arg.equals("--")) {
                break;
            }
            for (String alias : option.names()) {
                boolean shortAlias = alias.length() == 2 && !alias.startsWith("--");
                if (arg.equals(alias) || arg.startsWith(alias + "=") || (shortAlias && arg.startsWith(alias)
                        && !arg.startsWith("--"))) {
                    return alias;
                }
            }
        }
        return option.longestName();
    }
}
