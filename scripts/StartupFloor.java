import com.fasterxml.jackson.jr.ob.JSON;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.ssl.DefaultClientTlsStrategy;
import org.apache.hc.client5.http.ssl.TlsSocketStrategy;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The floor under {@code ticket list}'s start-up with the libraries the house rules mandate: the smallest program
 * that does what {@code ticket list} does on picocli, Apache HttpClient 5 (classic) and jackson-jr, one stage at a
 * time, so scripts/bench-startup-floor.sh can time each stage beside a bare JVM hello world with the launcher's
 * flags and a class-data archive of its own. Straight-line code on one thread, no warm-up threads, no config file.
 *
 * <p>Usage: java -Dfloor.stage=STAGE -cp floor.jar:LIBS StartupFloor list [options]
 * <br>with FLOOR_SERVER (http://127.0.0.1:PORT) and FLOOR_TOKEN in the environment for the stages that ask.
 * <ul>
 * <li>{@code parse}: picocli only: a root command with one {@code list} subcommand of ten options (those of
 * ListCommand), parsed; prints 30 fixed lines.</li>
 * <li>{@code http}: parse + one HttpClient 5 classic GET of the page {@code ticket list} asks for
 * ({@code /api/v1/tickets?status=all&limit=31&total=true}), bearer token, body read to bytes; prints the 30
 * fixed lines.</li>
 * <li>{@code json}: http + jackson-jr reading the page's items into records, printed as a 30-row table like
 * {@code ticket list}'s (id, status, unread, type, title, due, last activity; times relative to now).</li>
 * </ul>
 * Each stage is its own nested class, so a stage loads no class of a later one.
 */
public class StartupFloor {
    public static void main(String[] args) {
        // what the CLI does too (Startup): no SLF4J provider lookup on the class path, no "no providers" warning
        System.setProperty("slf4j.provider", "org.slf4j.helpers.NOP_FallbackServiceProvider");
        System.setProperty("slf4j.internal.verbosity", "WARN");
        System.exit(new CommandLine(new Root()).execute(args));
    }

    @Command(name = "ticket", mixinStandardHelpOptions = true, version = "floor",
            subcommands = ListCmd.class, description = "Start-up floor of ticket list.")
    static class Root implements Runnable {
        @Option(names = "--profile", paramLabel = "NAME", description = "Profile.")
        String profile;

        @Option(names = "--server", paramLabel = "URL", description = "Service URL.")
        String server;

        @Override
        public void run() {
            CommandLine.usage(this, System.out);
        }
    }

    enum Status { all, on_customer, done }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List tickets.")
    static class ListCmd implements Callable<Integer> {
        @Option(names = {"-s", "--status"}, defaultValue = "all", description = "all, on_customer or done.")
        Status status;
        @Option(names = {"-S", "--search"}, paramLabel = "TEXT", description = "Title contains TEXT.")
        String search;
        @Option(names = "--unread", description = "Only unread.")
        boolean unread;
        @Option(names = "--type", paramLabel = "TYPE", description = "critical, question, suggestion.")
        String type;
        @Option(names = {"-l", "--label"}, paramLabel = "LABEL", description = "Label.")
        String label;
        @Option(names = "--awaiting", paramLabel = "SIDE", description = "team or customer.")
        String awaiting;
        @Option(names = "--sort", paramLabel = "ORDER", description = "activity, due or created.")
        String sort;
        @Option(names = "--account", paramLabel = "NAME", description = "Account.")
        String account;
        @Option(names = "--mine", description = "Assigned to you.")
        boolean mine;
        @Option(names = {"-L", "--limit"}, paramLabel = "N", defaultValue = "30", description = "At most N.")
        int limit;

        @Override
        public Integer call() throws IOException {
            String stage = System.getProperty("floor.stage", "parse");
            String out;
            if (stage.equals("parse")) {
                out = Fixed.lines(limit);
            } else if (stage.equals("http")) {
                byte[] page = Http.get(limit);
                out = page.length == 0 ? "empty\n" : Fixed.lines(limit);
            } else {
                out = Table.of(Http.get(limit));
            }
            System.out.print(out);
            System.out.flush();
            return 0;
        }
    }

    /** Stage parse: 30 fixed lines. */
    static final class Fixed {
        static String lines(int n) {
            StringBuilder text = new StringBuilder();
            for (int i = n; i > 0; i--) {
                text.append('#').append(i).append("  On Customer       0  question  Benchmark ticket ").append(i)
                        .append("  due in 9 h  just now\n");
            }
            return text.toString();
        }
    }

    /** Stage http: the page, as bytes. */
    static final class Http {
        static byte[] get(int limit) throws IOException {
            // No interceptors the CLI does not use either; a User-Agent of our own so none is read from the jar.
            // TLS set up only for an https URL: the default connection manager builds the system's SSL context
            // at once (~440 classes, the trust store read: ~190 ms of an http:// GET here), as the CLI avoids too.
            TlsSocketStrategy tls = (socket, target, port, attachment, context) ->
                    DefaultClientTlsStrategy.createSystemDefault().upgrade(socket, target, port, attachment, context);
            try (CloseableHttpClient client = HttpClients.custom().setUserAgent("ticket-floor")
                    .disableAutomaticRetries().disableRedirectHandling().disableCookieManagement()
                    .disableAuthCaching().disableContentCompression().disableConnectionState()
                    .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                            .setTlsSocketStrategy(tls).build())
                    .build()) {
                HttpGet get = new HttpGet(System.getenv("FLOOR_SERVER") + "/api/v1/tickets?status=all&limit="
                        + (limit + 1) + "&total=true");
                get.setHeader("Authorization", "Bearer " + System.getenv("FLOOR_TOKEN"));
                get.setHeader("Accept", "application/json");
                return client.execute(get, response -> {
                    if (response.getCode() != 200) {
                        throw new IOException("HTTP " + response.getCode());
                    }
                    return EntityUtils.toByteArray(response.getEntity());
                });
            }
        }
    }

    /** Stage json: the page's items as records, printed as ticket list's table. */
    static final class Table {
        public record Page(List<Row> items, String next_cursor, Long total) {
        }

        public record Row(long id, String title, String status, String type, int unread, String updated_at,
                          String due_at, String awaiting) {
        }

        static String of(byte[] json) throws IOException {
            Page page = JSON.builder().disable(JSON.Feature.FAIL_ON_UNKNOWN_BEAN_PROPERTY).build()
                    .beanFrom(Page.class, json);
            Instant now = Instant.now();
            StringBuilder text = new StringBuilder();
            text.append(String.format("%4s  %-11s  %6s  %-8s  %-20s  %-10s  %s%n", "ID", "STATUS", "UNREAD", "TYPE",
                    "TITLE", "DUE", "LAST ACTIVITY"));
            for (Row row : page.items().subList(0, Math.min(30, page.items().size()))) {
                String due = row.due_at() == null || !"team".equals(row.awaiting()) ? ""
                        : "due in " + Duration.between(now, Instant.parse(row.due_at())).toHours() + " h";
                long ago = Duration.between(Instant.parse(row.updated_at()), now).toMinutes();
                text.append(String.format("%4s  %-11s  %6d  %-8s  %-20s  %-10s  %s%n", "#" + row.id(),
                        row.status().equals("done") ? "Done" : "On Customer", row.unread(), row.type(), row.title(),
                        due, ago < 1 ? "just now" : ago + " min ago"));
            }
            return text.toString();
        }
    }
}
