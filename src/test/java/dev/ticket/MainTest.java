package dev.ticket;

import static com.github.stefanbirkner.systemlambda.SystemLambda.tapSystemErr;
import static com.github.stefanbirkner.systemlambda.SystemLambda.tapSystemOut;
import static com.github.stefanbirkner.systemlambda.SystemLambda.withEnvironmentVariable;
import static com.github.stefanbirkner.systemlambda.SystemLambda.withTextFromSystemIn;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ticket.model.Json;
import dev.ticket.model.Role;
import dev.ticket.model.User;
import dev.ticket.testing.TestService;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The real entry point over the process's own environment, standard input and output (System Lambda). */
class MainTest {
    @RegisterExtension
    static final TestService service = TestService.perClass();

    @TempDir
    Path config;

    @Test
    void the_environment_and_standard_input_drive_a_script_run() throws Exception {
        User anna = service.addUser("Anna", Role.CUSTOMER, "acme");
        AtomicInteger exit = new AtomicInteger(-1);
        String out = withEnvironmentVariable("TICKET_SERVER", service.url())
                .and("TICKET_TOKEN", anna.token())
                .and("XDG_CONFIG_HOME", config.toString())
                .execute(() -> tapSystemOut(() -> withTextFromSystemIn("Build failed at step 3", "log below")
                        .execute(() -> exit.set(Main.run("new", "-t", "CI: build failed", "-F", "-", "--json")))));
        assertEquals(0, exit.get());
        var ticket = Json.mapper().readTree(out);
        assertEquals("CI: build failed", ticket.get("title").asText());
        var stored = service.admin().get("/tickets/" + ticket.get("id").asLong()).expect(200).json();
        assertEquals("Build failed at step 3\nlog below", stored.get("messages").get(0).get("body").asText());
        assertTrue(Files.notExists(config.resolve("ticket/config.json")), "a script run writes no config");
    }

    @Test
    void a_missing_token_in_the_environment_is_exit_3_with_one_line_on_stderr() throws Exception {
        AtomicInteger exit = new AtomicInteger(-1);
        String err = withEnvironmentVariable("TICKET_SERVER", service.url())
                .and("TICKET_TOKEN", null)
                .and("XDG_CONFIG_HOME", config.toString())
                .execute(() -> tapSystemErr(() -> exit.set(Main.run("list"))));
        assertEquals(3, exit.get());
        assertEquals(1, err.lines().count(), err);
        assertTrue(err.startsWith("ticket: not logged in"), err);
    }
}
