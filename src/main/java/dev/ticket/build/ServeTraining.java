package dev.ticket.build;

import dev.ticket.Main;
import dev.ticket.app.TicketApp;
import dev.ticket.server.ServerSettings;
import dev.ticket.service.Bootstrap;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Build tool, not part of the program: the training run of {@code ticket-serve.jsa}, the class-data archive
 * the launcher passes to {@code ticket serve}. {@link ClassDataArchive} starts it in a JVM of its own with
 * {@code -XX:ArchiveClassesAtExit}. It starts the real service on an empty data directory (migrations, the
 * first admin, the demo users), answers the everyday requests and a refused one over loopback, then stops
 * it, so the classes of a start and of the common requests are archived.
 */
public final class ServeTraining {
    private ServeTraining() {
    }

    public static void main(String[] args) throws IOException {
        Path data = Files.createTempDirectory("ticket-cds-serve-");
        List<String> wrong = new ArrayList<>();
        // the command line up to ServeCommand (serve itself would run until a signal)
        if (Main.run("serve", "--help") != 0) {
            wrong.add("ticket serve --help failed");
        }
        try (TicketApp app = TicketApp.start(ServerSettings.sqlite(data, 0).withRequestLog(true))) {
            Bootstrap.DemoUsers demo = app.demoUsers();
            String customer = demo.customer().token();
            String agent = demo.agent().token();
            String api = app.url() + "/api/v1";
            expect(wrong, 200, "GET", app.url() + "/readyz", null, null);
            expect(wrong, 201, "POST", api + "/tickets", customer,
                    "{\"title\":\"Не работает ссылка\",\"body\":\"What happened: the link 404s\",\"type\":\"critical\"}");
            expect(wrong, 200, "GET", api + "/tickets?status=on_customer&q=ссылка", customer, null);
            expect(wrong, 200, "GET", api + "/tickets/1", customer, null);
            expect(wrong, 201, "POST", api + "/tickets/1/messages", agent, "{\"body\":\"Could you send the link?\"}");
            expect(wrong, 200, "POST", api + "/tickets/1/read", customer, null);
            expect(wrong, 200, "GET", api + "/hours", customer, null);
            expect(wrong, 200, "GET", api + "/me", agent, null);
            expect(wrong, 422, "POST", api + "/tickets", customer, "{\"title\":\" \",\"body\":\"x\"}");
            expect(wrong, 404, "GET", api + "/tickets/404", customer, null);
        } finally {
            try (Stream<Path> files = Files.walk(data)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        if (!wrong.isEmpty()) {
            throw new IllegalStateException("serve training requests failed: " + wrong);
        }
    }

    private static void expect(List<String> wrong, int status, String method, String url, String token, String json)
            throws IOException {
        HttpURLConnection http = (HttpURLConnection) URI.create(url).toURL().openConnection();
        http.setRequestMethod(method);
        if (token != null) {
            http.setRequestProperty("Authorization", "Bearer " + token);
        }
        if (json != null || method.equals("POST")) {
            http.setDoOutput(true);
            http.setRequestProperty("Content-Type", "application/json");
            try (OutputStream out = http.getOutputStream()) {
                out.write(json == null ? new byte[0] : json.getBytes(StandardCharsets.UTF_8));
            }
        }
        int got = http.getResponseCode();
        try (InputStream in = got >= 400 ? http.getErrorStream() : http.getInputStream()) {
            if (in != null) {
                in.transferTo(OutputStream.nullOutputStream());
            }
        }
        if (got != status) {
            wrong.add(method + " " + url + " answered " + got + ", expected " + status);
        }
    }
}
