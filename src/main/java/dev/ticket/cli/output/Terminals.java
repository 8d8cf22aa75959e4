package dev.ticket.cli.output;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;

/** Cheap questions about the process's terminal, answered without loading JLine unless needed. */
public final class Terminals {
    private static final int FALLBACK_COLUMNS = 100;

    private Terminals() {
    }

    /** True when file descriptor {@code fd} (0, 1, 2) of this process is a terminal (Linux; false elsewhere). */
    public static boolean isTerminal(int fd) {
        try {
            String target = Files.readSymbolicLink(Path.of("/proc/self/fd/" + fd)).toString();
            return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
        } catch (Exception e) {
            return false;
        }
    }

    /**
     * The terminal width: {@code COLUMNS} if set, else what the launcher found out ({@code
     * TICKET_TERMINAL_COLUMNS}, from {@code stty size}: cheaper than starting JLine's terminal support),
     * else asked of the terminal through JLine, else 100.
     */
    public static int columns(Map<String, String> env) {
        for (String name : new String[] {"COLUMNS", "TICKET_TERMINAL_COLUMNS"}) {
            try {
                int columns = Integer.parseInt(env.getOrDefault(name, "").trim());
                if (columns > 20) {
                    return columns;
                }
            } catch (NumberFormatException ignored) {
                // try the next source
            }
        }
        try (Terminal terminal = TerminalBuilder.builder().system(true).dumb(true).build()) {
            int width = terminal.getWidth();
            return width > 20 ? width : FALLBACK_COLUMNS;
        } catch (Exception e) {
            return FALLBACK_COLUMNS;
        }
    }
}
