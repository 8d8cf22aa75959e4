package dev.ticket.cli.ci;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.ticket.cli.ci.PlantedSecrets.Planted;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class RedactorTest {
    private final Redactor redactor = new Redactor(Set.of());

    static Stream<Planted> planted() {
        return PlantedSecrets.ALL.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("planted")
    void every_planted_secret_is_replaced_and_the_context_kept(Planted row) {
        String redacted = redactor.redact(row.line());
        assertFalse(redacted.contains(row.secret()), redacted);
        assertEquals(row.expected(), redacted);
    }

    @ParameterizedTest(name = "\"{0}\" is left alone")
    @ValueSource(strings = {
        "[INFO] BUILD SUCCESS",
        "Tests run: 12, Failures: 0, Errors: 0, Skipped: 0",
        "git@github.com:acme/shop.git",
        "Fetching https://repo.maven.apache.org/maven2/org/foo/1.0/foo-1.0.pom",
        "GIT_AUTHOR_NAME=Jane Doe",
        "PWD=/home/runner/work/shop/shop",
        "HEAD is now at 4fd153c Business hours",
        "mail sent to ops@example.com",
        "ssh://git@gitlab.example.com:2222/acme/shop.git",
    })
    void ordinary_log_lines_pass_through_unchanged(String line) {
        assertEquals(line, redactor.redact(line));
    }

    @Test
    void known_secret_values_are_replaced_even_without_a_recognisable_shape() {
        Redactor known = new Redactor(Set.of(PlantedSecrets.KNOWN_VALUE));
        assertEquals("signing with [redacted] done; retry at https://x.example.com/?q=[redacted]",
                known.redact("signing with Tr0ub4dor&3xyz done; retry at https://x.example.com/?q=Tr0ub4dor%263xyz"));
    }

    @Test
    void a_private_key_block_over_several_lines_becomes_one_redacted_line() {
        String log = "Writing key:\n-----BEGIN OPENSSH PRIVATE KEY-----\n" + PlantedSecrets.KEY_BODY_1 + "\n"
                + PlantedSecrets.KEY_BODY_2 + "\n-----END OPENSSH PRIVATE KEY-----\ndone\n";
        assertEquals("Writing key:\n[redacted]\ndone\n", redactor.redact(log));
    }

    @Test
    void a_private_key_escaped_inside_one_json_line_is_replaced() {
        String line = "{\"private_key\": \"-----BEGIN RSA PRIVATE KEY-----\\n" + PlantedSecrets.KEY_BODY_1
                + "\\n-----END RSA PRIVATE KEY-----\\n\", \"id\": 7}";
        assertEquals("{\"private_key\": \"[redacted]\\n\", \"id\": 7}", redactor.redact(line));
    }

    @Test
    void a_private_key_block_that_never_ends_hides_the_rest_of_the_log() {
        String log = "key follows\n-----BEGIN EC PRIVATE KEY-----\n" + PlantedSecrets.KEY_BODY_1 + "\nmore\n";
        assertEquals("key follows\n[redacted]\n", redactor.redact(log));
    }

    @Test
    void line_endings_are_kept_as_they_were() {
        assertEquals("a\r\ntoken=[redacted]\r\nlast", redactor.redact("a\r\ntoken=" + PlantedSecrets.GITHUB_PAT
                + "\r\nlast"));
    }

    @Test
    void a_large_log_streams_through_with_every_secret_removed() throws IOException {
        int lines = 200_000;
        StringWriter out = new StringWriter();
        new Redactor(Set.of(PlantedSecrets.KNOWN_VALUE)).redact(new SecretLog(lines), out);
        String redacted = out.toString();
        assertEquals(lines, redacted.lines().count());
        PlantedSecrets.ALL.forEach(p -> assertFalse(redacted.contains(p.secret()), p.form()));
        assertFalse(redacted.contains(PlantedSecrets.KNOWN_VALUE));
    }

    /** A generated log that plants a secret every tenth line, without holding the whole log in memory. */
    static final class SecretLog extends Reader {
        private final int lines;
        private int next;
        private StringReader current = new StringReader("");

        SecretLog(int lines) {
            this.lines = lines;
        }

        @Override
        public int read(char[] buffer, int offset, int length) throws IOException {
            int n = current.read(buffer, offset, length);
            while (n == -1 && next < lines) {
                current = new StringReader(line(next++) + "\n");
                n = current.read(buffer, offset, length);
            }
            return n;
        }

        private static String line(int i) {
            if (i % 10 != 0) {
                return "step " + i + " ok";
            }
            int which = i / 10 % (PlantedSecrets.ALL.size() + 1);
            return which == PlantedSecrets.ALL.size() ? "known " + PlantedSecrets.KNOWN_VALUE
                    : PlantedSecrets.ALL.get(which).line();
        }

        @Override
        public void close() {
        }
    }
}
