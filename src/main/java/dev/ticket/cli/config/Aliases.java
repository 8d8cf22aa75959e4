package dev.ticket.cli.config;

import dev.ticket.cli.UsageException;
import dev.ticket.cli.command.TicketCommand;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/** Expands {@code ticket NAME ARGS...} when NAME is an alias of the config file (rules.md, power users). */
public final class Aliases {
    /** Stands for the alias names in the completion scripts, which ask {@code ticket alias list -q} when run. */
    public static final String COMPLETION_MARKER = "@@ticket-aliases@@";

    private Aliases() {
    }

    /**
     * {@code args} with an alias in the command's place replaced by its expansion, the rest following it; the
     * same array when the command is not an alias. Only an unknown command reads the config file, so the
     * commands themselves start no slower.
     */
    public static String[] expand(String[] args, Map<String, String> env) {
        String command = TicketCommand.subcommandIn(args);
        if (command == null || TicketCommand.SUBCOMMANDS.containsKey(command)) {
            return args;
        }
        String expansion;
        try {
            expansion = ConfigFile.load(env).aliases().get(command);
        } catch (ConfigFile.ConfigException e) {
            return args; // the command reports the broken file, or picocli the unknown command
        }
        if (expansion == null) {
            return args;
        }
        int at = Arrays.asList(args).indexOf(command);
        List<String> expanded = new ArrayList<>(Arrays.asList(args).subList(0, at));
        expanded.addAll(split(expansion));
        expanded.addAll(Arrays.asList(args).subList(at + 1, args.length));
        return expanded.toArray(new String[0]);
    }

    /** Splits as a shell would, simply: blanks separate words; '...' and "..." quote; \ escapes outside '...'. */
    public static List<String> split(String text) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean inWord = false;
        char quote = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quote == '\'') {
                if (c == '\'') {
                    quote = 0;
                } else {
                    word.append(c);
                }
            } else if (c == '\\' && i + 1 < text.length()) {
                word.append(text.charAt(++i));
                inWord = true;
            } else if (quote == '"') {
                if (c == '"') {
                    quote = 0;
                } else {
                    word.append(c);
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
                inWord = true;
            } else if (Character.isWhitespace(c)) {
                if (inWord) {
                    words.add(word.toString());
                    word.setLength(0);
                    inWord = false;
                }
            } else {
                word.append(c);
                inWord = true;
            }
        }
        if (quote != 0) {
            throw new UsageException("unbalanced " + quote + " in the alias expansion: " + text);
        }
        if (inWord) {
            words.add(word.toString());
        }
        return words;
    }

    /** For completion scripts: a marker they replace with a call of {@code ticket alias list -q}. */
    public static final class Names implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return List.of(COMPLETION_MARKER).iterator();
        }
    }
}
