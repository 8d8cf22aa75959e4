package dev.ticket.cli;

import dev.ticket.cli.command.TicketCommand;
import dev.ticket.client.TicketClient;
import dev.ticket.model.Event;
import dev.ticket.model.Hours;
import dev.ticket.model.Message;
import dev.ticket.model.Ticket;
import dev.ticket.model.TicketPage;
import dev.ticket.model.User;
import dev.ticket.server.Preload;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Map;

/**
 * What the process entry point ({@code Main}) does before the command line is parsed, to make a short command
 * start sooner.
 * <ul>
 * <li>Library logging: SLF4J's simple logger (there for the service's log) costs ~20 ms to set up, most of it a
 * date format; a client command reports its own problems, so it gets SLF4J's no-op provider (with
 * {@code --verbose} the libraries' warnings still show).</li>
 * <li>Warm-up on the second core while the main thread parses the command line, reads the config and connects:
 * the annotations picocli reads, the HTTP client's classes, how the records the command reads are read
 * ({@link dev.ticket.client.JsonRecords}; it writes what the command sends too, so no short command builds the
 * JSON mapper). Only for a command that talks to the service, and only the types
 * that command uses: nothing is loaded that the command would not load anyway. Whatever it has not finished
 * when the main thread gets there, the main thread does itself (everything warmed is thread-safe).</li>
 * <li>For {@code serve}: the service's one-time library initialisation ({@link Preload}).</li>
 * </ul>
 */
public final class Startup {
    /** The records each command reads from the service (see {@link dev.ticket.client.JsonRecords}), in the order it reads them. */
    private static final Map<String, List<Class<?>>> READS = Map.of(
            "list", List.of(TicketPage.class, User.class),
            "show", List.of(Ticket.class),
            "new", List.of(Ticket.class),
            "reply", List.of(Message.class),
            "close", List.of(Ticket.class),
            "wait", List.of(User.class, Ticket.class, Event.class),
            "whoami", List.of(User.class),
            "hours", List.of(Hours.class));

    private Startup() {
    }

    /** Prepares the process for running {@code ticket args...}. */
    public static void prepare(String[] args) {
        String command = TicketCommand.subcommandIn(args);
        if (!"serve".equals(command) && !List.of(args).contains("--verbose")
                && System.getProperty("slf4j.provider") == null) {
            System.setProperty("slf4j.provider", "org.slf4j.helpers.NOP_FallbackServiceProvider");
            if (System.getProperty("slf4j.internal.verbosity") == null) {
                System.setProperty("slf4j.internal.verbosity", "WARN"); // else it says which provider it loaded
            }
        }
        if ("serve".equals(command)) {
            Preload.start(List.of(args).stream().noneMatch(a -> a.equals("--db") || a.startsWith("--db=")));
            return;
        }
        List<Class<?>> reads = command == null ? null : READS.get(command);
        if (reads == null) {
            return;
        }
        Thread thread = new Thread(new Warmup(TicketCommand.SUBCOMMANDS.get(command), reads),
                "ticket-warmup");
        thread.setDaemon(true);
        thread.start();
    }

    /** A class rather than a lambda: linking a lambda costs the main thread a few ms at this point. */
    private static final class Warmup implements Runnable {
        private final Class<?> command;
        private final List<Class<?>> reads;

        Warmup(Class<?> command, List<Class<?>> reads) {
            this.command = command;
            this.reads = reads;
        }

        @Override
        public void run() {
            try {
                annotations();
                TicketClient.warmUp(reads);
            } catch (RuntimeException | LinkageError e) {
                // a warm-up only: the command meets (and reports) any real problem itself
            }
        }

        /**
         * Reads the annotations picocli is about to read on the main thread. The JDK makes a proxy class for
         * each annotation type the first time one is read (~3 ms each on a cold JVM): the field annotations of
         * the command and of the global options, and, through picocli's scan of every public method,
         * {@code @IntrinsicCandidate} on Object's. Made here, they are ready when the main thread gets there.
         */
        private void annotations() {
            for (Method method : Object.class.getMethods()) {
                method.getDeclaredAnnotations();
            }
            for (Class<?> type = command; type != null && type != Object.class; type = type.getSuperclass()) {
                for (Field field : type.getDeclaredFields()) {
                    field.getDeclaredAnnotations();
                }
            }
            for (Field field : GlobalOptions.class.getDeclaredFields()) {
                field.getDeclaredAnnotations();
            }
        }
    }
}
