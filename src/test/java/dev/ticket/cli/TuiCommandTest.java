package dev.ticket.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TuiCommandTest {

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
