package dev.ticket.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bad flags and values are one line in our words (the option first, the accepted values listed) and the pointer to
 * the command's help, exit 2, not picocli's "Invalid value for option ...: expected one of [text, json]
 * (case-insensitive) but was 'xml'".
 */
class UsageErrorWordingTest {
    record Bad(List<String> args, String line, String help) {
        @Override
        public String toString() {
            return String.join(" ", args);
        }
    }

    static Stream<Bad> badInput() {
        return Stream.of(
                new Bad(List.of("serve", "--log-format", "xml"), "--log-format: 'xml' is not one of text, json",
                        "ticket serve"),
                new Bad(List.of("new", "--type", "xyz", "-t", "a", "-m", "b"),
                        "--type: 'xyz' is not one of critical, question, suggestion", "ticket new"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badInput")
    void a_bad_flag_or_value_is_one_line_in_our_words_and_exit_2(Bad row) {
        CliHarness.Result r = new CliHarness(null).run(row.args().toArray(String[]::new));
        assertEquals(2, r.exit(), r.toString());
        assertEquals(List.of("ticket: " + row.line(), "See '" + row.help() + " --help'."), r.err().lines().toList());
    }
}
