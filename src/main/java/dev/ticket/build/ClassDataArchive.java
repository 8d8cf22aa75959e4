package dev.ticket.build;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.ticket.model.Attachment;
import dev.ticket.model.Author;
import dev.ticket.model.Awaiting;
import dev.ticket.model.Hours;
import dev.ticket.model.Json;
import dev.ticket.model.Limits;
import dev.ticket.model.Message;
import dev.ticket.model.Problem;
import dev.ticket.model.Role;
import dev.ticket.model.Status;
import dev.ticket.model.Ticket;
import dev.ticket.model.TicketPage;
import dev.ticket.model.TicketType;
import dev.ticket.model.Topics;
import dev.ticket.model.User;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Build and install tool, not a command (the build runs it, and scripts/install.sh for the installed path): makes
 * {@code ticket.jsa}, the class-data archive the launcher
 * passes to short commands. Runs {@link ClassDataTraining} through the launcher file itself (the archive
 * only matches the class path it was made with) with {@code -XX:DumpLoadedClassList}, against a stand-in
 * service in this JVM, then {@code java -Xshare:dump} of that list: a static archive of the JDK's and the CLI's
 * classes and none of the service's. With {@code serve} it makes {@code ticket-serve.jsa} instead, for
 * {@code ticket serve}: {@link ServeTraining} with the launcher's flags for the service (the parallel collector),
 * with {@code -XX:ArchiveClassesAtExit} (a dynamic archive over the JDK's). The archive is written under a temporary name and moved
 * into place, so an interrupted build never leaves half of one.
 *
 * <p>Usage: {@code ClassDataArchive LAUNCHER ARCHIVE [serve]} (the build passes target/ticket and
 * target/ticket.jsa, then target/ticket-serve.jsa and serve).
 */
public final class ClassDataArchive {
    private static final Instant T0 = Instant.parse("2026-11-25T09:00:00Z");
    /**
     * The last 16 bytes of every archive the build makes. The JVM reads an archive by the offsets in its header and
     * ignores what follows; the launcher uses an archive only when it ends with this, because JDK 17 crashes
     * (SIGBUS) mapping one that was cut short (a copy interrupted, a full disk). Keep in step with ticket.sh.
     */
    static final String TRAILER = "\n#ticket-cds-ok\n";

    private ClassDataArchive() {
    }

    public static void main(String[] args) throws Exception {
        Path launcher = Path.of(args[0]).toAbsolutePath();
        Path archive = Path.of(args[1]).toAbsolutePath();
        Path partial = archive.resolveSibling(archive.getFileName() + ".partial");
        Path log = archive.resolveSibling(archive.getFileName() + ".log");
        boolean serve = args.length > 2 && args[2].equals("serve");
        Files.deleteIfExists(archive);
        Files.deleteIfExists(partial);
        Path config = Files.createTempDirectory("ticket-cds-config-");
        HttpServer api = standIn();
        try {
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            // serve: a dynamic archive on top of the JDK's; the short commands: a static archive of the classes
            // the training loaded, JDK's and ours in one (~5 ms sooner on `ticket list` than the two mapped apart)
            Path classList = archive.resolveSibling(archive.getFileName() + ".classlist");
            List<String> command = new ArrayList<>(List.of(java,
                    serve ? "-XX:ArchiveClassesAtExit=" + partial : "-XX:DumpLoadedClassList=" + classList));
            if (!serve) {
                // the launcher's flags for short commands; the archive serves the others too
                command.addAll(List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-XX:-UsePerfData"));
            } else {
                command.add("-XX:+UseParallelGC"); // the launcher's flag for serve
            }
            command.addAll(List.of("-Xshare:auto", "-cp", launcher.toString(),
                    (serve ? ServeTraining.class : ClassDataTraining.class).getName()));
            ProcessBuilder training = new ProcessBuilder(command)
                    .redirectErrorStream(true).redirectOutput(log.toFile());
            Map<String, String> env = training.environment();
            env.keySet().removeIf(name -> name.startsWith("TICKET_") || name.startsWith("JAVA_"));
            // a profile in the config file, as after `ticket login`, so reading the file is trained too
            Files.createDirectories(config.resolve("ticket"));
            Files.writeString(config.resolve("ticket/config.json"), "{\"current_profile\": \"default\", \"profiles\": "
                    + "{\"default\": {\"server\": \"http://127.0.0.1:" + api.getAddress().getPort()
                    + "\", \"token\": \"training\"}}}");
            env.put("XDG_CONFIG_HOME", config.toString());
            // the recent ids and the kept hours go there too, not to the home of whoever builds
            env.put("XDG_CACHE_HOME", config.resolve("cache").toString());
            env.put("LC_ALL", "C.UTF-8");
            Process process = training.start();
            if (!process.waitFor(5, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IllegalStateException("the class-data training run did not finish; see " + log);
            }
            if (!serve && process.exitValue() == 0) {
                dumpStatic(java, launcher, classList, partial, log);
            }
            if (process.exitValue() != 0 || !Files.isRegularFile(partial) || Files.size(partial) == 0) {
                throw new IllegalStateException("the class-data training run failed (exit " + process.exitValue()
                        + "); see " + log);
            }
            Files.write(partial, TRAILER.getBytes(StandardCharsets.US_ASCII), StandardOpenOption.APPEND);
            Files.move(partial, archive, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            System.out.println("class-data archive: " + archive + " (" + Files.size(archive) / 1024 + " KiB)");
        } finally {
            api.stop(0);
            Files.deleteIfExists(partial);
            try (var files = Files.walk(config)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /** {@code java -Xshare:dump} of the classes in {@code classList}, its output added to {@code log}. */
    private static void dumpStatic(String java, Path launcher, Path classList, Path archive, Path log)
            throws IOException, InterruptedException {
        Process dump = new ProcessBuilder(java, "-Xshare:dump", "-XX:SharedClassListFile=" + classList,
                "-XX:SharedArchiveFile=" + archive, "-cp", launcher.toString())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        if (!dump.waitFor(5, TimeUnit.MINUTES)) {
            dump.destroyForcibly();
            throw new IllegalStateException("java -Xshare:dump did not finish; see " + log);
        }
        Files.deleteIfExists(classList);
        if (dump.exitValue() != 0) {
            throw new IllegalStateException("java -Xshare:dump failed (exit " + dump.exitValue() + "); see " + log);
        }
    }

    /** Answers the requests of the training commands with documents shaped as the real service's. */
    private static HttpServer standIn() throws IOException {
        System.setProperty("sun.net.httpserver.nodelay", "true"); // else each answer waits ~40 ms (Nagle)
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            try (exchange) {
                exchange.getRequestBody().transferTo(OutputStream.nullOutputStream());
                answer(exchange, exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath());
            }
        });
        server.start();
        return server;
    }

    private static void answer(HttpExchange exchange, String route) throws IOException {
        Author customer = new Author(2, "demo-customer", Role.CUSTOMER);
        switch (route) {
            case "GET /api/v1/me" -> send(exchange, 200, new User(2, "demo-customer", Role.CUSTOMER, "demo", null));
            case "GET /api/v1/tickets" -> send(exchange, 200, new TicketPage(List.of(ticket(3, "Консьерж молчит"),
                    ticket(2, "预订链接无法打开 🎉"), ticket(1, "Не работает ссылка на Бронирование")), null, 3L));
            case "GET /api/v1/tickets/1", "POST /api/v1/tickets/1/read" -> send(exchange, 200, chat());
            case "POST /api/v1/tickets" -> send(exchange, 201, ticket(4, "Training"));
            case "POST /api/v1/tickets/1/messages" -> send(exchange, 201,
                    new Message(9, 1, customer, "One more thing", T0, List.of()));
            case "POST /api/v1/tickets/1/close" -> send(exchange, 200, ticket(1, "Closed"));
            case "GET /api/v1/hours" -> send(exchange, 200, new Hours("Europe/Moscow", "10:00", "19:00",
                    List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY"), List.of(), true, T0,
                    T0.plusSeconds(86_400), T0.plusSeconds(3_600)));
            case "GET /api/v1/limits" -> send(exchange, 200, new Limits(25L << 20, 10, 100_000));
            case "GET /api/v1/topics" -> send(exchange, 200, new Topics(List.of("Finance", "Channels")));
            default -> send(exchange, 404, new Problem("not-found", "Not found", 404, "Ticket #404 does not exist.",
                    exchange.getRequestURI().getPath()));
        }
    }

    private static Ticket ticket(long id, String title) {
        return new Ticket(id, title, Status.ON_CUSTOMER, TicketType.QUESTION, "AI employees",
                "https://app.example.com/d/" + id, "demo", new Author(2, "demo-customer", Role.CUSTOMER), T0, T0,
                null, T0.plusSeconds(32_400), Awaiting.TEAM, 1, 2, List.of(), List.of("ci"), null, null);
    }

    private static Ticket chat() {
        Ticket t = ticket(1, "Не работает ссылка на Бронирование");
        List<Message> messages = new ArrayList<>();
        messages.add(new Message(1, 1, t.author(), "What happened: the booking link 404s", T0, List.of(
                new Attachment(5, "screen.png", "image/png", 48_213, "ab".repeat(32)))));
        messages.add(new Message(2, 1, new Author(3, "demo-agent", Role.AGENT), "Could you send the dialog link?",
                T0.plusSeconds(60), List.of()));
        return new Ticket(t.id(), t.title(), t.status(), t.type(), t.about(), t.dialogUrl(), t.account(), t.author(),
                t.createdAt(), t.updatedAt(), null, t.dueAt(), Awaiting.CUSTOMER, 1, 2, List.of(), List.of("ci"),
                messages, null);
    }

    private static void send(HttpExchange exchange, int status, Object document) throws IOException {
        byte[] body = Json.mapper().writeValueAsBytes(document);
        exchange.getResponseHeaders().set("Content-Type",
                status >= 400 ? "application/problem+json" : "application/json");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
