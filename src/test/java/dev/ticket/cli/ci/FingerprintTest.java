package dev.ticket.cli.ci;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FingerprintTest {
    static final List<String> MONDAY_RUN = List.of(
            "2025-03-11T10:15:02.1234567Z Downloading dependencies",
            "2025-03-11T10:15:03.0000001Z [INFO] Tests run: 12, Failures: 0, Errors: 0, Skipped: 0",
            "2025-03-11T10:15:09.0000001Z [ERROR] Failed to execute goal on /home/runner/work/app/app/pom.xml: "
                    + "build 7f3a9c21 took 35 s (request 123e4567-e89b-12d3-a456-426614174000)",
            "2025-03-11T10:15:10.0000001Z [ERROR] second error line");
    static final List<String> TUESDAY_RUN = List.of(
            "2025-03-12T08:01:40.9Z Downloading dependencies",
            "2025-03-12T08:01:44.9Z [ERROR] Failed to execute goal on /builds/acme/app/pom.xml: "
                    + "build 0b44de19 took 41 s (request 9f1d2c3b-1111-4a4a-8b8b-0123456789ab)",
            "2025-03-12T08:01:45.0Z [ERROR] another second error line");

    @Test
    void the_same_failure_on_another_day_and_runner_has_the_same_fingerprint() {
        assertEquals(Fingerprint.of("CI / test", MONDAY_RUN), Fingerprint.of("CI / test", TUESDAY_RUN));
    }

    @Test
    void the_same_failure_in_another_job_is_a_different_failure() {
        assertNotEquals(Fingerprint.of("CI / test", MONDAY_RUN), Fingerprint.of("CI / lint", MONDAY_RUN));
    }

    @Test
    void a_different_first_error_is_a_different_failure() {
        List<String> other = List.of("npm ERR! code ERESOLVE");
        assertNotEquals(Fingerprint.of("CI / test", MONDAY_RUN), Fingerprint.of("CI / test", other));
    }

    @Test
    void a_fingerprint_is_ci_and_sixteen_hex_digits() {
        assertTrue(Fingerprint.of("CI / test", MONDAY_RUN).matches("ci-[0-9a-f]{16}"));
    }

    @Test
    void a_log_without_errors_groups_by_job_alone() {
        assertEquals(Fingerprint.of("nightly", List.of("step 1", "step 2")),
                Fingerprint.of("nightly", List.of("something else", "Process completed with exit code 2")));
        assertEquals(Fingerprint.ofErrorLine("nightly", null), Fingerprint.of("nightly", List.of()));
    }

    @Test
    void zero_failure_summaries_are_not_taken_for_the_error() {
        assertEquals(Optional.of(MONDAY_RUN.get(2)), Fingerprint.firstErrorLine(MONDAY_RUN));
    }

    @ParameterizedTest(name = "\"{0}\" is an error line: {1}")
    @CsvSource(delimiter = '|', value = {
        "[ERROR] COMPILATION ERROR :                         | true",
        "FAIL src/cart.test.js                               | true",
        "npm ERR! code ELIFECYCLE                            | true",
        "Error: Process completed with exit code 1.          | true",
        "java.lang.IllegalStateException: boom               | true",
        "AssertionError: expected 3                          | true",
        "Exception in thread \"main\" java.lang.Error        | true",
        "thread 'main' panicked at src/main.rs:2:5           | true",
        "Traceback (most recent call last):                  | true",
        "2 failed, 10 passed in 1.2s                         | true",
        "0 failed, 12 passed                                 | false",
        "Tests run: 12, Failures: 0, Errors: 0, Skipped: 0   | false",
        "error_reporting = E_ALL                             | false",
    })
    void error_lines_are_recognised(String line, boolean error) {
        assertEquals(error, Fingerprint.isErrorLine(line.strip()));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "2025-03-11T10:15:09.123Z ERROR at /src/app/Main.java:42 | <time> ERROR at <path>:<n>",
        "[12:01:02] failed after 350 ms                            | [<time>] failed after <n> ms",
        "segfault at 0x7ffd5a2b and 0xDEADBEEF                     | segfault at <hex> and <hex>",
        "commit 4fd153c0a1 broke it                                 | commit <hex> broke it",
        "request 123e4567-e89b-12d3-a456-426614174000 failed        | request <uuid> failed",
        "C:\\agent\\_work\\1\\s\\build.ps1 failed                    | <path> failed",
    })
    void normalising_removes_what_changes_from_run_to_run(String line, String normalised) {
        assertEquals(normalised, Fingerprint.normalise(line));
    }

    @Test
    void colour_codes_do_not_change_the_fingerprint() {
        assertEquals("FAILED <path>::test_total",
                Fingerprint.normalise("\u001B[31mFAILED\u001B[0m   tests/test_cart.py::test_total"));
        assertEquals(Fingerprint.of("pytest", List.of("FAILED tests/test_cart.py::test_total")),
                Fingerprint.of("pytest", List.of("\u001B[31mFAILED\u001B[0m tests/test_cart.py::test_total")));
    }
}
