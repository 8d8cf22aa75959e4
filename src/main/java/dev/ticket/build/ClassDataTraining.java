package dev.ticket.build;

import dev.ticket.Main;
import java.util.ArrayList;
import java.util.List;

/**
 * Build tool, not part of the program: the training run of the class-data archive. {@link ClassDataArchive}
 * starts it in a JVM of its own with {@code -XX:ArchiveClassesAtExit}, so the classes the everyday commands
 * load are archived for the launcher. It runs those commands one after another, as a user would, against
 * the stand-in service named by the config file's profile.
 */
public final class ClassDataTraining {
    /** The commands and the exit code each must end with, so a broken path cannot train silently. */
    private static final List<Object[]> COMMANDS = List.of(
            new Object[] {0, new String[] {"--version"}},
            new Object[] {0, new String[] {"--help"}},
            new Object[] {2, new String[] {"list", "--no-such-flag"}},
            new Object[] {0, new String[] {"list"}},
            new Object[] {0, new String[] {"list", "-L", "1", "-q"}},
            new Object[] {0, new String[] {"list", "-s", "on-customer", "-S", "бронирование", "--json"}},
            new Object[] {0, new String[] {"show", "1"}},
            new Object[] {0, new String[] {"show", "#1", "--json", "--no-read"}},
            new Object[] {0, new String[] {"new", "-t", "Training", "-m", "What happened", "--type", "critical"}},
            new Object[] {0, new String[] {"reply", "1", "-m", "One more thing"}},
            new Object[] {0, new String[] {"close", "1"}},
            new Object[] {0, new String[] {"hours"}},
            new Object[] {0, new String[] {"whoami"}},
            new Object[] {4, new String[] {"show", "404"}});

    private ClassDataTraining() {
    }

    public static void main(String[] args) {
        List<String> wrong = new ArrayList<>();
        for (Object[] command : COMMANDS) {
            String[] argv = (String[]) command[1];
            int exit = Main.run(argv);
            if (exit != (int) command[0]) {
                wrong.add("ticket " + String.join(" ", argv) + " exited " + exit + ", expected " + command[0]);
            }
        }
        if (!wrong.isEmpty()) {
            throw new IllegalStateException("training commands failed: " + wrong);
        }
    }
}
