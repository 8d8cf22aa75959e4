package dev.ticket.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import dev.ticket.client.ApiException;
import dev.ticket.client.InvalidRequestException;
import dev.ticket.client.NotAuthorizedException;
import dev.ticket.client.NotFoundException;
import dev.ticket.client.TicketClosedException;
import dev.ticket.client.UnavailableException;
import dev.ticket.model.Role;
import dev.ticket.testing.TestService;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;

/** Every exit code of SPEC section 3, first as the mapping, then as commands against a real service. */
class ExitCodesTest {
    @RegisterExtension
    static final TestService service = TestService.perClass();
    static CliHarness anna;
    static String doneTicket;
    static HttpServer confused;

    @BeforeAll
    static void start() throws Exception {
        anna = CliHarness.as(service, "Anna", Role.CUSTOMER, "acme");
        doneTicket = anna.open("Done one", "x");
        anna.ok("close", doneTicket);
        confused = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        confused.createContext("/", exchange -> {
            byte[] body = "this is not JSON".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        confused.start();
    }

    @AfterAll
    static void stop() {
        confused.stop(0);
    }

    record Mapping(Exception failure, int exit) {
    }

    static Stream<Mapping> mappings() {
        return Stream.of(
                new Mapping(new IllegalStateException("bug"), 1),
                new Mapping(new ApiException("odd answer", null), 1),
                new Mapping(new UsageException("missing the title"), 2),
                new Mapping(new CommandLine.ParameterException(new CommandLine(CommandLine.Model.CommandSpec.create()), "bad flag"), 2),
                new Mapping(new InvalidRequestException("too large", null), 2),
                new Mapping(new NotAuthorizedException("no", null), 3),
                new Mapping(new NotLoggedInException("not logged in"), 3),
                new Mapping(new NotFoundException("no such ticket", null), 4),
                new Mapping(new TicketClosedException("done", null), 5),
                new Mapping(new UnavailableException("down", null, null), 6),
                new Mapping(new WaitTimeoutException("nothing new"), 7));
    }

    @ParameterizedTest
    @MethodSource("mappings")
    void each_failure_maps_to_its_exit_code(Mapping row) {
        assertEquals(row.exit(), ExitCodes.of(row.failure()), row.failure().getClass().getSimpleName());
    }

    /** A command line and the exit code a user gets from it. */
    record Case(String what, int exit, Function<CliHarness, CliHarness.Result> run) {
        @Override
        public String toString() {
            return exit + ": " + what;
        }
    }

    static Stream<Case> commands() {
        return Stream.of(
                new Case("success", 0, cli -> cli.run("hours")),
                new Case("the service answers nonsense", 1,
                        cli -> new CliHarness("http://127.0.0.1:" + confused.getAddress().getPort()).token("t")
                                .run("whoami")),
                new Case("a missing field", 2, cli -> cli.run("new", "-m", "no title")),
                new Case("an unknown flag", 2, cli -> cli.run("list", "--colour")),
                new Case("a bad id", 2, cli -> cli.run("show", "forty-two")),
                new Case("refused as invalid by the service", 2,
                        cli -> cli.run("new", "-t", "x", "-m", "y", "--dialog", "javascript:alert(1)")),
                new Case("a revoked or unknown token", 3, cli -> new CliHarness(service.url()).token("nope").run("list")),
                new Case("no token at all", 3, cli -> new CliHarness(service.url()).run("list")),
                new Case("a customer using admin commands", 3, cli -> cli.run("admin", "user", "list")),
                new Case("a ticket that does not exist", 4, cli -> cli.run("show", "#987654")),
                new Case("replying to a Done ticket", 5, cli -> cli.run("reply", doneTicket, "-m", "again")),
                new Case("nobody listening", 6, cli -> new CliHarness(deadUrl()).token("t").run("list")),
                new Case("wait timed out", 7, cli -> cli.run("wait", "#" + openTicket(cli), "--timeout", "1s")));
    }

    @ParameterizedTest
    @MethodSource("commands")
    void each_exit_code_is_what_a_user_gets(Case c) {
        CliHarness.Result r = c.run().apply(anna);
        assertEquals(c.exit(), r.exit(), r.toString());
        if (c.exit() != 0) {
            assertTrue(r.err().lines().anyMatch(line -> line.startsWith("ticket: ")), r.err());
            assertFalse(r.err().contains("\tat "), "no stack trace without --verbose: " + r.err());
        }
    }

    @Test
    void verbose_adds_the_stack_trace() {
        CliHarness.Result r = new CliHarness("http://127.0.0.1:" + confused.getAddress().getPort()).token("t")
                .run("whoami", "--verbose");
        assertEquals(1, r.exit());
        assertTrue(r.err().contains("\tat "), r.err());
    }

    private static String openTicket(CliHarness cli) {
        return cli.open("Waiting", "x");
    }

    private static String deadUrl() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return "http://127.0.0.1:" + socket.getLocalPort();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
