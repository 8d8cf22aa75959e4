package dev.ticket.cli;

import dev.ticket.client.JsonNames;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Stack;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.IParameterPreprocessor;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Reads {@code --json [FIELDS]} by rules.md's rule (power users): the word after {@code --json} is a field list only when it is
 * made of {@code a-z}, {@code _} and commas and names at least one field of the command's output (or the command
 * takes no other word); any other word is left for the command ({@code ticket show --json 42}). In a field list
 * an unknown name is a usage error (exit 2) that lists the fields. {@code --json=FIELDS} is always a field list.
 */
public final class JsonFieldsOption implements IParameterPreprocessor {
    /** Compiled when --json is given, not when picocli makes this preprocessor for every command's model. */
    private static final class FieldList {
        static final Pattern PATTERN = Pattern.compile("[a-z_,]*[a-z_][a-z_,]*");
    }

    @Override
    public boolean preprocess(Stack<String> args, CommandSpec command, ArgSpec option, Map<String, Object> info) {
        boolean attached = !" ".equals(info.get("separator"));
        List<String> fields = fieldsOf(command);
        String value = "";
        if (attached) {
            value = check(args.pop(), fields, command);
        } else if (!args.isEmpty() && taken(args.peek(), fields, command)) {
            value = check(args.pop(), fields, command);
        }
        option.setValue(value);
        return true;
    }

    private static boolean taken(String word, List<String> fields, CommandSpec command) {
        if (fields.isEmpty() || !FieldList.PATTERN.matcher(word).matches()) {
            return false;
        }
        if (command.positionalParameters().isEmpty() && command.subcommands().isEmpty()) {
            return true; // nothing else could take it: an unknown field is better said as such
        }
        for (String name : word.split(",")) {
            if (fields.contains(name)) {
                return true;
            }
        }
        return false;
    }

    private static String check(String list, List<String> fields, CommandSpec command) {
        List<String> unknown = new ArrayList<>();
        for (String name : list.split(",")) {
            if (!name.isEmpty() && !fields.contains(name)) {
                unknown.add(name);
            }
        }
        if (fields.isEmpty()) {
            throw new ParameterException(command.commandLine(), "this command prints no JSON fields to choose from: use --json alone");
        }
        if (!unknown.isEmpty()) {
            throw new ParameterException(command.commandLine(), "unknown JSON field" + (unknown.size() > 1 ? "s " : " ") + String.join(", ", unknown)
                    + "; available fields: " + String.join(", ", fields));
        }
        return list;
    }

    /** The fields of what the command prints with --json (of each element, for a list). */
    static List<String> fieldsOf(CommandSpec command) {
        Object user = command.userObject();
        return user instanceof BaseCommand base ? base.jsonFields() : List.of();
    }

    /** The fields of a model record as the JSON names them. */
    public static List<String> of(Class<?> record) {
        return JsonNames.of(record);
    }

    /**
     * Shell completion of {@code --json FIELDS}: each command of the tree offers the fields it prints, not every
     * command's (the option comes from one mixin, so a candidates class could not tell the commands apart).
     */
    public static void completeOwnFields(CommandLine root) {
        CommandSpec spec = root.getCommandSpec();
        OptionSpec json = spec.findOption("--json");
        if (json != null) {
            spec.remove(json);
            spec.addOption(OptionSpec.builder(json).completionCandidates(fieldsOf(spec)).build());
        }
        new LinkedHashSet<>(root.getSubcommands().values()).forEach(JsonFieldsOption::completeOwnFields);
    }
}
