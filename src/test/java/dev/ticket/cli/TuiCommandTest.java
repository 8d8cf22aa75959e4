package dev.ticket.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ticket.model.Role;
import dev.ticket.testing.TestService;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class TuiCommandTest {

    @Test
    void tui_on_a_missing_ticket_exits_4_with_one_line_before_taking_the_screen() throws Exception {
        try (TestService service = TestService.start()) {
            String token = service.addUser("Tess", Role.CUSTOMER, "acme").token();
            // a real terminal (a pty from util-linux script), as a user runs it
            ProcessBuilder builder = new ProcessBuilder("script", "-qec",
                    "exec \"$TEST_JAVA\" -cp \"$TEST_CP\" dev.ticket.Main tui 999999", "/dev/null")
                    .redirectErrorStream(true);
            builder.environment().put("TEST_JAVA", Path.of(System.getProperty("java.home"), "bin", "java").toString());
            builder.environment().put("TEST_CP", System.getProperty("java.class.path"));
            builder.environment().put("TICKET_SERVER", service.url());
            builder.environment().put("TICKET_TOKEN", token);
            builder.environment().put("TERM", "xterm-256color");
            Process tui = builder.start();
            tui.getOutputStream().close();
            String screen = new String(tui.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(tui.waitFor(60, TimeUnit.SECONDS), "ticket tui 999999 returned: " + screen);
            assertEquals(4, tui.exitValue(), screen);
            assertTrue(screen.strip().startsWith("ticket: ") && screen.contains("#999999"), screen);
            assertEquals(1, screen.strip().lines().count(), "one line, no retry hint, no screen: " + screen);
            assertTrue(!screen.contains("retry") && !screen.contains("\u001b[?1049h"), screen);
        }
    }

    @Test
    void tui_without_a_terminal_exits_2_with_one_line_saying_why() {
        CliHarness.Result r = new CliHarness(null).token("t0ken").run("tui", "42");
        assertEquals(2, r.exit(), r.toString());
        assertEquals("", r.out());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().startsWith("ticket: ticket tui needs an interactive terminal"), r.err());
    }

    @Test
    void tui_rejects_an_id_that_is_not_a_number() {
        CliHarness.Result r = new CliHarness(null).run("tui", "abc");
        assertEquals(2, r.exit(), r.toString());
    }
}
