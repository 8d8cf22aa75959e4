package dev.ticket.cli;

import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.opentest4j.TestAbortedException;

class ShellRunnerTest {
    @Test
    void a_missing_shell_fails_the_test_in_ci_and_skips_it_elsewhere() {
        assertThrows(AssertionError.class, () -> ShellRunner.require("no-such-shell-here", Map.of("CI", "true")));
        assertThrows(TestAbortedException.class, () -> ShellRunner.require("no-such-shell-here", Map.of()));
        ShellRunner.require("sh", Map.of("CI", "true"));
    }
}
