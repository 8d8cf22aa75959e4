package dev.ticket.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ticket.model.Role;
import dev.ticket.testing.PgCluster;
import dev.ticket.testing.PostgresAvailable;
import dev.ticket.testing.TestService;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The CLI shows request ids: each exchange with --verbose, and in the error line of a failing service. */
class RequestIdCliTest {
    private static final Pattern TRACED = Pattern.compile(
            "ticket: GET (\\S+)/api/v1/me -> 200 in \\d+ ms \\(request id ([0-9a-f]{16})\\)");

    @Test
    void verbose_prints_each_request_with_its_id() {
        try (TestService service = TestService.start()) {
            CliHarness cli = CliHarness.as(service, "Olga", Role.CUSTOMER, "acme");
            CliHarness.Result r = cli.run("whoami", "--verbose");
            assertEquals(0, r.exit(), r.toString());
            Matcher m = TRACED.matcher(r.err());
            assertTrue(m.find(), r.toString());
            assertEquals(service.url(), m.group(1));
            assertFalse(r.out().contains("request id"), r.toString()); // standard output stays the command's

            CliHarness.Result quiet = cli.run("whoami");
            assertFalse(quiet.err().contains("request id"), quiet.toString());

            CliHarness.Result missing = cli.run("show", "99999");
            assertEquals(4, missing.exit(), missing.toString());
            assertFalse(missing.err().contains("request id"), "a 404 is the user's to act on: " + missing);
        }
    }

    @Test
    @ExtendWith(PostgresAvailable.class)
    void a_failing_service_names_the_request_in_the_one_error_line() {
        try (PgCluster cluster = PgCluster.start(1)) {
            String admin = cluster.addUser("Ada", Role.ADMIN, null).token();
            CliHarness cli = new CliHarness(cluster.url(0)).token(admin);
            cluster.db().goDown();
            try {
                CliHarness.Result r = cli.run("admin", "user", "add", "Nobody", "--role", "customer", "--account", "acme");
                assertEquals(6, r.exit(),
                        r.toString());
                assertEquals(1, r.err().lines().count(), r.toString());
                assertTrue(r.err().matches("ticket: the service is failing: .* \\(request id [0-9a-f]{16}\\)\\R"),
                        r.toString());
            } finally {
                cluster.db().comeBack();
            }
        }
    }
}
