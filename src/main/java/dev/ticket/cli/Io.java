package dev.ticket.cli;

import java.io.InputStream;
import java.io.PrintStream;
import java.util.Map;
import java.util.function.IntSupplier;

/**
 * Everything a command may touch of the outside: its streams, whether they are terminals, the
 * environment and the terminal width. Only {@code Main} builds the real one; tests build their own.
 *
 * @param isTty          standard output is a terminal (colour, aligned layouts, progress bars)
 * @param canPrompt      standard input and output are both terminals: asking questions is allowed
 * @param systemTerminal prompts may use the process's own terminal (raw mode, completion)
 * @param columns        the terminal width, asked only when a layout needs it
 */
public record Io(PrintStream out, PrintStream err, InputStream in, boolean isTty, boolean canPrompt,
                 Map<String, String> env, boolean systemTerminal, IntSupplier columns) {

    public String env(String name) {
        String value = env.get(name);
        return value == null || value.isEmpty() ? null : value;
    }

    /** Colour is for terminals only, and never when {@code NO_COLOR} is set or {@code --no-color} given. */
    public boolean color(boolean noColorFlag) {
        return isTty && !noColorFlag && env("NO_COLOR") == null && !"dumb".equals(env("TERM"));
    }
}
