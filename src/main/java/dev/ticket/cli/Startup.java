package dev.ticket.cli;

import dev.ticket.cli.command.ServeCommand;
import dev.ticket.cli.command.TicketCommand;
import dev.ticket.cli.config.ConfigFile;
import dev.ticket.cli.config.HoursCache;
import dev.ticket.cli.config.MeCache;
import dev.ticket.client.ClientJson;
import dev.ticket.client.HttpTicketClient;
import dev.ticket.model.Hours;
import dev.ticket.model.TicketPage;
import dev.ticket.model.TimeLeft;
import dev.ticket.model.time.WorkSchedule;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import picocli.CommandLine;

/**
 * What the process entry point ({@code Main}) does before the command line is parsed, to make a short command
 * start sooner.
 * <ul>
 * <li>Library logging: SLF4J's simple logger (there for the service's log) costs ~20 ms to set up, most of it a
 * date format; a client command reports its own problems, so it gets SLF4J's no-op provider (with
 * {@code --verbose} the libraries' warnings still show).</li>
 * <li>Warm-up on the second core while the main thread parses the command line: the config, the HTTP client's
 * classes, the JSON readers of the answer and, on a thread of its own, two of picocli's annotation types and the
 * kept hours and date classes of the "due in" words. Only for a command that talks to the service:
 * nothing is loaded that the command would not load anyway. Whatever it has not finished
 * when the main thread gets there, the main thread does itself (everything warmed is thread-safe).</li>
 * <li>For {@code serve}: the service's one-time library initialisation ({@link ServeCommand#preload}).</li>
 * </ul>
 */
public final class Startup {
    /** The short commands that talk to the service, whose start-up the warm-up shortens. */
    private static final Set<String> TALKERS = Set.of("list", "show", "new", "reply", "close", "wait", "whoami",
            "hours");

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
            ServeCommand.preload(List.of(args).stream().noneMatch(a -> a.equals("--db") || a.startsWith("--db=")));
            return;
        }
        if (command == null || !TALKERS.contains(command)) {
            return;
        }
        Class<?> type = TicketCommand.SUBCOMMANDS.get(command);
        start(new SecondWarmup(DUE_TEXT.contains(type.getSimpleName())), "ticket-warmup-2");
        start(new Warmup(type), "ticket-warmup");
    }

    private static void start(Runnable warmup, String name) {
        Thread thread = new Thread(warmup, name);
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * jackson-jr builds the reader of each record by reflection the first time it reads one: those of a page of
     * tickets (with an assignee, and a message with an attachment, as {@code show} reads) are made here while
     * the main thread waits for the service, and the main thread finds them ready.
     */
    static TicketPage ticketReaders() throws IOException {
        return ClientJson.read(SAMPLE_PAGE.getBytes(StandardCharsets.UTF_8), TicketPage.class);
    }

    private static final String SAMPLE_PAGE = "{\"items\":[{\"id\":1,\"title\":\"t\",\"status\":\"on_customer\","
            + "\"type\":\"question\",\"about\":null,\"dialog_url\":null,\"account\":\"a\","
            + "\"author\":{\"id\":2,\"name\":\"c\",\"role\":\"customer\"},"
            + "\"created_at\":\"2026-12-07T03:00:24.437Z\",\"updated_at\":\"2026-12-07T03:01:30.136Z\","
            + "\"closed_at\":null,\"due_at\":\"2026-12-07T16:00:00Z\",\"awaiting\":\"team\",\"unread\":0,"
            + "\"message_count\":1,\"refs\":[1],\"labels\":[\"ci\"],\"assignee\":{\"id\":3,\"name\":\"s\"},"
            + "\"messages\":[{\"id\":1,\"ticket_id\":1,\"author\":{\"id\":2,\"name\":\"c\",\"role\":\"customer\"},"
            + "\"body\":\"b\",\"created_at\":\"2026-12-07T03:00:24.633Z\",\"attachments\":[{\"id\":1,"
            + "\"filename\":\"f\",\"content_type\":\"text/plain\",\"size\":3,\"sha256\":\"ab\"}]}]}],"
            + "\"next_cursor\":null,\"total\":1}";

    /** The commands that print "due in" words (warmed by {@link #dueText}) and read tickets. */
    private static final Set<String> DUE_TEXT = Set.of("ListCommand", "ShowCommand", "InboxCommand");

    /**
     * What the main thread needs at the start and at the end, on a thread of its own beside {@link Warmup}:
     * picocli's annotation types ({@link #annotations}), then for list, show and inbox the "due in" words
     * ({@link #dueText}).
     */
    private static final class SecondWarmup implements Runnable {
        private final boolean dueText;

        SecondWarmup(boolean dueText) {
            this.dueText = dueText;
        }

        @Override
        public void run() {
            try {
                annotations();
                if (dueText) {
                    dueText(System.getenv());
                }
            } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
                // a warm-up only
            }
        }
    }

    /**
     * The JDK makes a proxy class and a description ({@code AnnotationType}) for each annotation type the first time
     * one is read (~3 ms each on a cold JVM). Building the command's model, picocli on the main thread reads those of
     * Object's methods first, then {@code @Command}, {@code @Mixin}, {@code @Option} and {@code @Spec}: the last two
     * are read here first, from a stand-in class, so that the main thread finds them made. (Read in the main
     * thread's order, the main thread only waited for the warm-up; the types it needs first it makes itself, as two
     * threads making the same description both make it.)
     */
    static void annotations() throws NoSuchFieldException {
        StandIn.class.getDeclaredField("spec").getDeclaredAnnotations();
        StandIn.class.getDeclaredField("option").getDeclaredAnnotations();
    }

    /** Members annotated as picocli's commands are, for {@link #annotations}: not a command. */
    private static final class StandIn {
        @CommandLine.Option(names = "-o")
        boolean option;
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;
    }

    /**
     * The "due in" words of list, show and inbox count working time in the service's time zone, on a thread of its
     * own (the main thread that waits for it at the table would otherwise wait behind the rest of the warm-up): the
     * kept hours and their zone's offsets ({@link HoursCache}) and the date classes, made ready from the start;
     * when no hours are kept, the command will ask them and look their zone up in the JDK's time-zone database
     * (~40 ms on a cold JVM, most of it the jar's directory, which the JDK reads looking for other providers), so
     * that is what is warmed.
     */
    static void dueText(Map<String, String> env) {
        WorkSchedule schedule = HoursCache.read(env, null);
        if (schedule == null) {
            schedule = WorkSchedule.of(new Hours("Europe/London", "09:00", "18:00", List.of("mon"),
                    List.of("2026-01-01"), false, null, null, null));
        }
        Instant now = Instant.now();
        TimeLeft.words(schedule.workingTime(now, now.plus(Duration.ofDays(2))));
    }

    /** A class rather than a lambda: linking a lambda costs the main thread a few ms at this point. */
    private static final class Warmup implements Runnable {
        private final Class<?> command;

        Warmup(Class<?> command) {
            this.command = command;
        }

        @Override
        public void run() {
            try {
                // in the order the main thread needs them: the config once the command line is parsed, the HTTP
                // client, the readers of the answer and of who the token is (the kept hours and time zone have a thread
                // of their own).
                // Not picocli's annotations: the main thread reads them at once, and the JDK makes each annotation's
                // proxy class once, so a warm-up reading them too only made the main thread wait for it (~16 ms of
                // ticket list in a wall-clock profile).
                Map<String, String> env = System.getenv();
                ConfigFile.load(env);
                HttpTicketClient.warmUp();
                if (DUE_TEXT.contains(command.getSimpleName())) {
                    ticketReaders();
                    MeCache.read(env, "", "");
                }
            } catch (IOException | RuntimeException | LinkageError e) {
                // a warm-up only: the command meets (and reports) any real problem itself
            }
        }
    }
}
