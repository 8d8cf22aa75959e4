package dev.ticket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ticket.model.Role;
import dev.ticket.model.Ticket;
import dev.ticket.testing.ApiClient;
import dev.ticket.testing.TestService;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The built launcher, {@code target/ticket} (a sh preamble and the jar), run as a real process after
 * {@code mvn package}: JVM flags per subcommand, the class-data archive beside it, JAVA_HOME and JAVA_OPTS,
 * and arguments in Cyrillic under the C locale.
 */
class LauncherIT {
    static final Path LAUNCHER = Path.of("target", "ticket").toAbsolutePath();
    static final Path ARCHIVE = Path.of("target", "ticket.jsa").toAbsolutePath();
    static final Path SERVE_ARCHIVE = Path.of("target", "ticket-serve.jsa").toAbsolutePath();
    static final String JAVA_HOME = System.getProperty("java.home");
    @RegisterExtension
    static final TestService service = TestService.perClass();
    static String token;

    @BeforeAll
    static void start() {
        assertTrue(Files.isExecutable(LAUNCHER), "mvn package makes " + LAUNCHER);
        assertTrue(Files.isRegularFile(ARCHIVE), "mvn package makes " + ARCHIVE);
        assertTrue(Files.isRegularFile(SERVE_ARCHIVE), "mvn package makes " + SERVE_ARCHIVE);
        token = service.addUser("Вера", Role.CUSTOMER, "launcher").token();
    }

    /** What one run of the launcher left: exit code and both streams. */
    record Run(int exit, String out, String err) {
        @Override
        public String toString() {
            return "exit " + exit + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }

    /** Runs {@code launcher args} with the environment of a plain shell plus {@code env} (a null value unsets). */
    static Run run(Path launcher, Map<String, String> env, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(launcher.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        Map<String, String> environment = builder.environment();
        environment.keySet().removeIf(name -> name.startsWith("TICKET_") || name.startsWith("JAVA_")
                || name.startsWith("LC_") || name.equals("LANG") || name.equals("COLUMNS"));
        environment.put("JAVA_HOME", JAVA_HOME);
        environment.put("LANG", "C.UTF-8");
        environment.put("XDG_CONFIG_HOME", Files.createTempDirectory("ticket-launcher-config-").toString());
        env.forEach((name, value) -> {
            if (value == null) {
                environment.remove(name);
            } else {
                environment.put(name, value);
            }
        });
        Process process = builder.start();
        process.getOutputStream().close();
        CompletableFuture<byte[]> err = CompletableFuture.supplyAsync(() -> readAll(process.getErrorStream()));
        byte[] out = process.getInputStream().readAllBytes();
        assertTrue(process.waitFor(120, TimeUnit.SECONDS), "ticket " + String.join(" ", args) + " finished");
        return new Run(process.exitValue(), new String(out, StandardCharsets.UTF_8),
                new String(err.get(), StandardCharsets.UTF_8));
    }

    static Run run(Map<String, String> env, String... args) throws Exception {
        return run(LAUNCHER, env, args);
    }

    private static byte[] readAll(java.io.InputStream in) {
        try {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void version_prints_only_the_version() throws Exception {
        Run r = run(Map.of(), "--version");
        assertEquals(0, r.exit(), r.toString());
        assertEquals("ticket 0.1.0\n", r.out());
        assertEquals("", r.err());
    }

    /** A subcommand line and the JIT and GC the launcher must give it. */
    record Flags(List<String> args, int tieredStopAtLevel, boolean serialGc) {
    }

    static Stream<Flags> subcommands() {
        return Stream.of(
                new Flags(List.of("serve", "--help"), 4, false),
                new Flags(List.of("--server", "http://127.0.0.1:1", "serve", "--help"), 4, false),
                new Flags(List.of("download", "--help"), 4, true),
                new Flags(List.of("attach", "--help"), 4, true),
                new Flags(List.of("tui", "--help"), 4, true),
                new Flags(List.of("list", "--help"), 1, true),
                new Flags(List.of("-q", "--profile", "attach", "new", "--help"), 1, true),
                new Flags(List.of("--ca-file", "ca.pem", "download", "--help"), 4, true),
                new Flags(List.of("--version"), 1, true));
    }

    @ParameterizedTest
    @MethodSource("subcommands")
    void each_subcommand_gets_its_jvm_flags_and_the_archive(Flags expected) throws Exception {
        Run r = run(Map.of("JAVA_OPTS", "-XX:+PrintFlagsFinal"), expected.args().toArray(String[]::new));
        assertEquals(0, r.exit(), r.toString());
        Map<String, String> flags = flags(r.out());
        assertEquals(Integer.toString(expected.tieredStopAtLevel()), flags.get("TieredStopAtLevel"), expected.args()
                .toString());
        assertEquals(Boolean.toString(expected.serialGc()), flags.get("UseSerialGC"), expected.args().toString());
        if (expected.tieredStopAtLevel() == 1) {
            assertEquals("1", flags.get("CICompilerCount"), expected.args().toString());
            assertEquals("5.000000", flags.get("CompileThresholdScaling"), expected.args().toString());
        }
        if (!expected.serialGc()) {
            assertEquals("true", flags.get("UseParallelGC"), "serve runs the parallel collector");
            assertTrue(flags.get("UseParallelGC@origin").contains("command line"), "serve's collector is the launcher's");
        }
        boolean serve = expected.args().contains("serve");
        assertEquals((serve ? SERVE_ARCHIVE : ARCHIVE).toString(), flags.get("SharedArchiveFile"));
        // the archive mapped where it was dumped (no relocation at start-up), except for the service
        assertEquals(serve ? null : "0", flags.get("ArchiveRelocationMode"), expected.args().toString());
    }

    @Test
    void a_collector_chosen_in_java_opts_replaces_the_one_serve_gets() throws Exception {
        Run r = run(Map.of("JAVA_OPTS", "-XX:+UseG1GC -XX:+PrintFlagsFinal"), "serve", "--help");
        assertEquals(0, r.exit(), r.toString());
        Map<String, String> flags = flags(r.out());
        assertEquals("true", flags.get("UseG1GC"));
        assertEquals("false", flags.get("UseParallelGC"));
    }

    /** {@code -XX:+PrintFlagsFinal}'s table as name → value, and name@origin → where the value came from. */
    static Map<String, String> flags(String printed) {
        Pattern line = Pattern.compile("^\\s*\\S+\\s+(\\w+)\\s+:?=\\s*(\\S*)\\s+(\\{.*)$", Pattern.MULTILINE);
        Map<String, String> flags = new HashMap<>();
        Matcher m = line.matcher(printed);
        while (m.find()) {
            flags.put(m.group(1), m.group(2));
            flags.put(m.group(1) + "@origin", m.group(3));
        }
        return flags;
    }

    @Test
    void java_opts_come_last_so_they_win() throws Exception {
        Run r = run(Map.of("JAVA_OPTS", "-XX:+PrintFlagsFinal -XX:TieredStopAtLevel=4 -Xmx64m"), "list", "--help");
        assertEquals(0, r.exit(), r.toString());
        assertEquals("4", flags(r.out()).get("TieredStopAtLevel"));
        assertEquals(Long.toString(64L << 20), flags(r.out()).get("MaxHeapSize"));
    }

    @Test
    void the_cli_classes_come_from_the_archive_picocli_included() throws Exception {
        Run r = run(Map.of("JAVA_OPTS", "-Xlog:class+load=info:stdout"), "--version");
        assertEquals(0, r.exit(), r.toString());
        for (String name : List.of("dev.ticket.Main", "dev.ticket.cli.command.TicketCommand", "picocli.CommandLine")) {
            assertTrue(r.out().lines().anyMatch(l -> l.contains(" " + name + " source: shared objects file")),
                    name + " from the archive:\n" + r.out());
        }
    }

    @Test
    void serve_loads_the_service_classes_from_its_own_archive(@TempDir Path data) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(LAUNCHER.toString(), "serve", "--port", "0", "--data",
                data.toString(), "--no-request-log").redirectErrorStream(true);
        builder.environment().put("JAVA_HOME", JAVA_HOME);
        builder.environment().put("JAVA_OPTS", "-Xlog:class+load=info:stdout");
        Process serve = builder.start();
        List<String> lines = new ArrayList<>();
        try (var out = new java.io.BufferedReader(new java.io.InputStreamReader(serve.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String line; (line = out.readLine()) != null && !line.startsWith("ticket serve: listening"); ) {
                lines.add(line);
            }
        } finally {
            serve.destroy();
            assertTrue(serve.waitFor(60, TimeUnit.SECONDS), "ticket serve stops on SIGTERM");
        }
        for (String name : List.of("dev.ticket.app.TicketApp", "io.javalin.Javalin",
                "org.flywaydb.core.Flyway", "org.eclipse.jetty.server.Server")) {
            assertTrue(lines.stream().anyMatch(l -> l.contains(" " + name + " source: shared objects file (top)")),
                    name + " from ticket-serve.jsa:\n" + String.join("\n", lines));
        }
    }

    @Test
    void a_list_through_the_launcher_prints_the_table() throws Exception {
        new ApiClient(service.url(), token).post("/tickets", Map.of("title", "预订链接 🎉", "body", "x"))
                .expect(201);
        Run r = run(Map.of("TICKET_SERVER", service.url(), "TICKET_TOKEN", token), "list");
        assertEquals(0, r.exit(), r.toString());
        assertTrue(r.out().startsWith("ID  STATUS"), r.toString());
        assertTrue(r.out().contains("预订链接 🎉"), r.toString());
        assertEquals("", r.err());
    }

    @Test
    void cyrillic_arguments_survive_the_c_and_posix_locales() throws Exception {
        List<Map<String, String>> locales = new ArrayList<>();
        locales.add(Map.of("LC_ALL", "C"));
        locales.add(Map.of("LC_ALL", "POSIX"));
        locales.add(Map.of("LANG", "C"));
        Map<String, String> none = new HashMap<>();
        none.put("LANG", null);
        locales.add(none);
        for (Map<String, String> locale : locales) {
            String title = "Не работает бронирование " + locale;
            Map<String, String> env = new HashMap<>(locale);
            env.put("TICKET_SERVER", service.url());
            env.put("TICKET_TOKEN", token);
            Run r = run(env, "new", "-t", title, "-m", "Консьерж молчит", "-q");
            assertEquals(0, r.exit(), locale + ": " + r);
            Ticket made = new ApiClient(service.url(), token).get("/tickets/" + r.out().strip()).expect(200)
                    .as(Ticket.class);
            assertEquals(title, made.title(), locale.toString());
            assertEquals("Консьерж молчит", made.messages().get(0).body(), locale.toString());
        }
    }

    @Test
    void a_stale_foreign_or_missing_archive_costs_time_never_the_command(@TempDir Path dir) throws Exception {
        Path launcher = dir.resolve("ticket");
        Files.copy(LAUNCHER, launcher);
        launcher.toFile().setExecutable(true);
        Run missing = run(launcher, Map.of(), "--version");
        assertEquals(new Run(0, "ticket 0.1.0\n", ""), missing);
        Files.copy(ARCHIVE, dir.resolve("ticket.jsa"));
        launcher.toFile().setLastModified(System.currentTimeMillis() + 60_000);
        Run stale = run(launcher, Map.of(), "--version");
        assertEquals(new Run(0, "ticket 0.1.0\n", ""), stale, "an archive of another build of the jar");
        Files.delete(dir.resolve("ticket.jsa"));
        Files.writeString(dir.resolve("ticket.jsa"), "not a class-data archive");
        Run foreign = run(launcher, Map.of(), "--version");
        assertEquals(new Run(0, "ticket 0.1.0\n", ""), foreign, "a file that is no archive at all");
    }

    @Test
    void an_archive_cut_short_is_left_out_instead_of_crashing_the_jvm(@TempDir Path dir) throws Exception {
        Path launcher = dir.resolve("ticket");
        Files.copy(LAUNCHER, launcher);
        launcher.toFile().setExecutable(true);
        Files.copy(ARCHIVE, dir.resolve("ticket.jsa"));
        assertEquals(new Run(0, "ticket 0.1.0\n", ""), run(launcher, Map.of(), "--version"));
        assertTrue(Files.exists(dir.resolve("ticket.jsa.ok")), "the trailer was read once and remembered");
        for (Path archive : List.of(ARCHIVE, SERVE_ARCHIVE)) {
            byte[] whole = Files.readAllBytes(archive);
            Path cut = dir.resolve(archive.getFileName());
            Files.write(cut, java.util.Arrays.copyOf(whole, whole.length / 2));
            // cut short after it was checked: changed since the stamp, so it is checked again
            cut.toFile().setLastModified(System.currentTimeMillis() + 60_000);
        }
        assertEquals(new Run(0, "ticket 0.1.0\n", ""), run(launcher, Map.of(), "--version"));
        // JDK 17 maps ticket-serve.jsa at start-up; cut short, that was a SIGBUS before the service said anything
        ProcessBuilder builder = new ProcessBuilder(launcher.toString(), "serve", "--port", "0", "--data",
                dir.resolve("data").toString(), "--no-request-log").redirectErrorStream(true);
        builder.environment().put("JAVA_HOME", JAVA_HOME);
        builder.environment().remove("JAVA_OPTS");
        Process serve = builder.start();
        String first;
        try (var out = new java.io.BufferedReader(new java.io.InputStreamReader(serve.getInputStream(),
                StandardCharsets.UTF_8))) {
            first = out.readLine();
        } finally {
            serve.destroy();
            assertTrue(serve.waitFor(60, TimeUnit.SECONDS), "ticket serve stops on SIGTERM");
        }
        assertTrue(first != null && first.startsWith("ticket serve: listening on"), "first line: " + first);
    }

    @Test
    void a_symlink_on_the_path_still_finds_the_archive_beside_the_launcher(@TempDir Path dir) throws Exception {
        Path link = Files.createSymbolicLink(dir.resolve("ticket"), LAUNCHER);
        Run r = run(link, Map.of("JAVA_OPTS", "-Xlog:class+load=info:stdout"), "--version");
        assertEquals(0, r.exit(), r.toString());
        assertTrue(r.out().contains(" dev.ticket.Main source: shared objects file"), r.out());
    }

    @Test
    void java_home_picks_the_java_and_a_wrong_one_is_one_clear_line() throws Exception {
        Run wrong = run(Map.of("JAVA_HOME", "/nonexistent/jdk"), "--version");
        assertEquals(1, wrong.exit());
        assertEquals("", wrong.out());
        assertEquals("ticket: JAVA_HOME is '/nonexistent/jdk' but /nonexistent/jdk/bin/java is not a program; "
                + "fix JAVA_HOME or unset it\n", wrong.err());
        Run right = run(Map.of("JAVA_OPTS", "-XshowSettings:properties"), "--version");
        assertTrue(right.err().contains("java.home = " + JAVA_HOME), right.err());
    }
}
