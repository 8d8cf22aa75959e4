package dev.ticket.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bad flags and values are one line in our words (lower case, the option first, the accepted values listed) and
 * the pointer to the command's help, exit 2: picocli's own messages ("Invalid value for option ...", "Unknown
 * option", "Unmatched argument at index 0", counting places the user does not see) read like the rest of ours.
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
                new Bad(List.of("serve", "--zone", "Mars/Olympus"),
                        "time zone \"Mars/Olympus\" is not known; use an IANA name such as Europe/Moscow.",
                        "ticket serve"),
                new Bad(List.of("new", "--type", "xyz", "-t", "a", "-m", "b"),
                        "--type: 'xyz' is not one of critical, question, suggestion", "ticket new"),
                new Bad(List.of("assign", "1"), "missing required option: '--to=NAME'", "ticket assign"),
                new Bad(List.of("list", "--frob"), "unknown option: '--frob'", "ticket list"),
                new Bad(List.of("list", "extra"), "unexpected argument 'extra'", "ticket list"),
                new Bad(List.of("--verbose", "list", "a", "b"), "unexpected arguments 'a', 'b'", "ticket list"),
                new Bad(List.of("show", "1", "2"), "unexpected argument '2'", "ticket show"),
                new Bad(List.of("lsit"), "unknown command 'ticket lsit' (did you mean 'list'?)", "ticket"),
                new Bad(List.of("serve", "--port", "abc"), "--port: 'abc' is not a number", "ticket serve"),
                new Bad(List.of("list", "--limit", "x"), "--limit: 'x' is not a number", "ticket list"),
                new Bad(List.of("serve", "--max-file-size", "25XB"),
                        "--max-file-size: '25XB' is not a size (try 100MiB, 512K or 2048)", "ticket serve"),
                new Bad(List.of("admin", "usr"), "unknown command 'ticket admin usr' (did you mean 'user'?)",
                        "ticket admin"),
                new Bad(List.of("list", "-L", "-3"), "--limit must be 0 (all) or more", "ticket list"),
                new Bad(List.of("inbox", "--limit", "-1"), "--limit must be 0 (all) or more", "ticket inbox"),
                new Bad(List.of("admin", "audit", "--limit", "0"), "--limit must be between 1 and 1000",
                        "ticket admin audit"),
                // 'ticket help X' words an unknown X as 'ticket X' does
                new Bad(List.of("help", "nosuch"), "unknown command 'ticket nosuch'", "ticket"),
                new Bad(List.of("help", "lsit"), "unknown command 'ticket lsit' (did you mean 'list'?)", "ticket"),
                new Bad(List.of("help", "admin", "usr"), "unknown command 'ticket admin usr' (did you mean 'user'?)",
                        "ticket admin"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badInput")
    void a_bad_flag_or_value_is_one_line_in_our_words_and_exit_2(Bad row) {
        CliHarness.Result r = new CliHarness(null).run(row.args().toArray(String[]::new));
        assertEquals(2, r.exit(), r.toString());
        assertEquals(List.of("ticket: " + row.line(), "See '" + row.help() + " --help'."), r.err().lines().toList());
    }
}
