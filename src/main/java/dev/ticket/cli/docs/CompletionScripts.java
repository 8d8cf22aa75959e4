package dev.ticket.cli.docs;

import dev.ticket.cli.JsonFieldsOption;
import dev.ticket.cli.config.AgentNames;
import dev.ticket.cli.config.AliasNames;
import dev.ticket.cli.config.RecentIds;
import dev.ticket.cli.command.ProfileCommand;
import dev.ticket.cli.command.TicketCommand;
import dev.ticket.cli.config.Aliases;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.AutoComplete;
import picocli.CommandLine;

/**
 * The shell completion scripts for {@code ticket}, generated from the command definitions: what
 * {@code ticket completion bash|zsh|fish} prints, and (through {@link #main}) what the build writes for
 * {@code completions/}.
 */
public final class CompletionScripts {
    /** The files of {@code completions/}: bash, zsh (an {@code fpath} function) and fish. */
    public static final String BASH_FILE = "ticket.bash";
    public static final String ZSH_FILE = "_ticket";
    public static final String FISH_FILE = "ticket.fish";

    private CompletionScripts() {
    }

    /** Picocli's bash script; it also runs in zsh through bashcompinit. */
    public static String bash(CommandLine root) {
        JsonFieldsOption.completeOwnFields(root);
        return dynamic(AutoComplete.bash(root.getCommandName(), root), root.getCommandName());
    }

    /**
     * Profile and alias names and ticket ids change after the script is made: the candidates' markers become calls
     * of shell functions run when Tab is pressed. Picocli fills every candidate list when any Tab of a subcommand
     * is pressed; a JVM start each time (half a second or more on a busy machine) made every Tab slow. So names
     * are asked of {@code ticket} only when the Tab completes one, and ids come from the cache file of
     * {@link RecentIds}, read without a JVM and refreshed in the background.
     */
    private static String dynamic(String script, String name) {
        String commands = String.join(" ", TicketCommand.SUBCOMMANDS.keySet());
        String helpNames = TicketCommand.SUBCOMMANDS.keySet().stream().map(c -> "\"" + c + "\"")
                .collect(java.util.stream.Collectors.joining(" "));
        return script
                // the user's aliases stand where a command does: offered beside the commands, and by 'help'
                .replace("local commands=\"" + commands + "\"",
                        "local commands=\"" + commands + " $(__" + name + "_alias_names)\"")
                .replace("local COMMAND_pos_param_args=(" + helpNames + ")",
                        "local COMMAND_pos_param_args=(" + helpNames + " $(__" + name + "_alias_names))")
                // --json id,ti<Tab>: the fields after the last comma, the ones before kept
                .replace("compReplyArray \"${FIELDS_option_args[@]}\"",
                        "__" + name + "_fields \"${FIELDS_option_args[@]}\"")
                .replace("(\"" + ProfileCommand.COMPLETION_MARKER + "\")", "($(__" + name + "_names profile))")
                .replace("(\"" + Aliases.COMPLETION_MARKER + "\")", "($(__" + name + "_names alias))")
                .replace("(\"" + RecentIds.COMPLETION_MARKER + "\")", "($(__" + name + "_recent_ids))")
                // names may hold spaces: the array is split on newlines only, and IFS is put back for the rest
                .replaceAll("local (\\w+)=\\(((?:\"\\w+\" )*)\"" + AgentNames.COMPLETION_MARKER + "\"\\)",
                        "local IFS=\\$'\\\\n'; local $1=($2\\$(__" + name + "_agent_names)); IFS=\\$' \\\\t\\\\n'")
                + lookups(name);
    }

    private static String lookups(String name) {
        return "\n# Profile or alias names, from '" + name + " profile|alias list -q', only when this Tab completes one\n"
                + "# (after --profile, or in '" + name + " profile ...' / '" + name + " alias ...').\n"
                + "function __" + name + "_names() {\n"
                + "  local caller=${FUNCNAME[1]}\n"
                + "  [[ -n $ZSH_VERSION ]] && caller=${funcstack[2]}\n"
                + "  if [[ ${COMP_WORDS[COMP_CWORD-1]} == --profile || $caller == _picocli_" + name + "_$1_* ]]; then\n"
                + "    command " + name + " \"$1\" list -q 2>/dev/null\n"
                + "  fi\n"
                + "}\n\n"
                + "# Recent ticket ids from the cache that list, show and new keep (no JVM, no request on a Tab).\n"
                + "# None yet or over a minute old: refreshed from the service in the background for the next Tab.\n"
                + cacheReader(name, "recent_ids", "recent-ids", 1, "--refresh-ids", "cut -f1") + "\n"
                + "# Agent names from the cache that assign and list --assignee keep (no JVM, no request on a Tab).\n"
                + "# None yet or over ten minutes old: refreshed from the service in the background for the next Tab.\n"
                + cacheReader(name, "agent_names", "agents", 10, "--refresh-agents", "cat") + "\n"
                + "# Alias names from the cache that 'alias set|delete|list' keep (no JVM on a Tab); refreshed in the\n"
                + "# background for the next Tab when the config file is newer (edited by hand).\n"
                + "function __" + name + "_alias_names() {\n"
                + "  local file=\"${XDG_CACHE_HOME:-$HOME/.cache}/" + name + "/" + AliasNames.FILE + "\"\n"
                + "  local config=\"${XDG_CONFIG_HOME:-$HOME/.config}/" + name + "/config.json\"\n"
                + "  if [[ -f $config && ( ! -e $file || $config -nt $file ) ]]; then\n"
                + "    mkdir -p -m 700 \"${file%/*}\" 2>/dev/null && touch \"$file\" 2>/dev/null\n"
                + "    (command " + name + " completion --refresh-aliases </dev/null >/dev/null 2>&1 &)\n"
                + "  fi\n"
                + "  [[ -f $file ]] && cat \"$file\"\n"
                + "}\n\n"
                + "# The --json fields for a word like 'id,ti': the names after its last comma that start so, each after\n"
                + "# the fields already listed (and not one of them again).\n"
                + "function __" + name + "_fields() {\n"
                + "  local word=${COMP_WORDS[COMP_CWORD]} listed=\"\" field\n"
                + "  if [[ $word == *,* ]]; then listed=${word%,*},; word=${word##*,}; fi\n"
                + "  for field in \"$@\"; do\n"
                + "    [[ -n $field && $field == \"$word\"* && \",$listed\" != *\",$field,\"* ]] && printf '%s\\n' \"$listed$field\"\n"
                + "  done\n"
                + "}\n";
    }

    /** A shell function that prints a cache file of the CLI's, and has it refreshed in the background when old. */
    private static String cacheReader(String name, String function, String file, int minutes, String refresh,
                                      String read) {
        return "function __" + name + "_" + function + "() {\n"
                + "  local file=\"${XDG_CACHE_HOME:-$HOME/.cache}/" + name + "/" + file + "\"\n"
                + "  if [[ ! -e $file || -n $(find \"$file\" -mmin +" + minutes + " 2>/dev/null) ]]; then\n"
                + "    mkdir -p -m 700 \"${file%/*}\" 2>/dev/null && touch \"$file\" 2>/dev/null\n"
                + "    (command " + name + " completion " + refresh + " </dev/null >/dev/null 2>&1 &)\n"
                + "  fi\n"
                + "  [[ -f $file ]] && " + read + " \"$file\"\n"
                + "}\n";
    }

    /**
     * The bash script as a zsh completion function: put it on {@code fpath} as {@code _ticket} (or source it).
     * When compinit autoloads it on the first Tab, it registers the bash completion and completes that Tab too.
     */
    public static String zsh(CommandLine root) {
        String name = root.getCommandName();
        String function = "_" + name;
        return "#compdef " + name + "\n"
                + "# zsh completion for " + name + ": the bash completion below, run through zsh's bashcompinit.\n"
                + "# Install: " + name + " completion zsh > \"${fpath[1]}/" + function + "\", or source this file.\n"
                + "# compopt is bash's; the script's alias for it cannot reach functions autoloaded from this file.\n"
                + "(( $+functions[compopt] )) || compopt() { complete \"$@\"; }\n"
                + bash(root)
                + "\n# Autoloaded by compinit as " + function + " on the first Tab: complete that word too.\n"
                + "if [[ -n \"$ZSH_VERSION\" && \"${funcstack[1]}\" == " + function + " ]]; then\n"
                + "  _bash_complete -F _complete_" + name + " -o default\n"
                + "fi\n";
    }

    /** The fish script (picocli has no fish generator). */
    public static String fish(CommandLine root) {
        return FishCompletion.script(root);
    }

    /** Writes the three scripts into the directory {@code args[0]}; the build runs this at process-classes. */
    public static void main(String[] args) throws IOException {
        Path dir = Files.createDirectories(Path.of(args[0]));
        CommandLine root = TicketCommand.tree();
        Files.writeString(dir.resolve(BASH_FILE), bash(root), StandardCharsets.UTF_8);
        Files.writeString(dir.resolve(ZSH_FILE), zsh(root), StandardCharsets.UTF_8);
        Files.writeString(dir.resolve(FISH_FILE), fish(root), StandardCharsets.UTF_8);
    }
}
