package dev.ticket.cli.ci;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;

/**
 * Replaces secrets in CI text with {@code [redacted]}: tokens of known shapes, private key blocks, credentials in
 * URLs, {@code Authorization}/{@code Cookie} headers, secret-looking {@code KEY=value}, {@code KEY: value} and
 * {@code --flag value} forms, and the known secret values given at construction. Thread-safe; each
 * {@link #lines()} session holds the only state (whether a private key block is open).
 */
public final class Redactor {
    /** What every secret is replaced with. */
    public static final String REDACTED = SecretPatterns.REDACTED;

    private final List<String> knownSecrets;

    /** A redactor that also removes each of {@code knownSecrets} (blank values are ignored). */
    public Redactor(Set<String> knownSecrets) {
        Set<String> forms = new LinkedHashSet<>();
        for (String secret : knownSecrets) {
            if (secret != null && !secret.isBlank()) {
                forms.add(secret);
                forms.add(URLEncoder.encode(secret, StandardCharsets.UTF_8));
            }
        }
        // Longest first, so a secret containing another is removed whole.
        this.knownSecrets = forms.stream().sorted(Comparator.comparingInt(String::length).reversed()).toList();
    }

    /** A redactor for {@code env}, knowing its secret values. */
    public static Redactor forEnvironment(CiEnvironment env) {
        return new Redactor(env.secrets());
    }

    /** Redacts a whole text; line terminators are kept, lines inside a private key block are dropped. */
    public String redact(String text) {
        if (text == null) {
            return null;
        }
        StringWriter out = new StringWriter(text.length());
        try {
            redact(new StringReader(text), out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** Streams {@code in} to {@code out} line by line, redacted; memory stays bounded for any log size. */
    public void redact(Reader in, Writer out) throws IOException {
        Lines session = lines();
        LogLines.read(in, (line, terminator) -> {
            String redacted = session.next(line);
            if (redacted != null) {
                out.write(redacted);
                out.write(terminator);
            }
        });
        out.flush();
    }

    /** A redaction session for consecutive lines of one text. */
    public Lines lines() {
        return new Lines();
    }

    /** Redacts one line's text without private-key-block state. */
    String redactFragment(String text) {
        String result = text;
        for (String secret : knownSecrets) {
            result = result.replace(secret, REDACTED);
        }
        return SecretPatterns.apply(result);
    }

    /** Redacts consecutive lines (without terminators), remembering an open private key block between them. */
    public final class Lines {
        private boolean inKeyBlock;

        private Lines() {
        }

        /** The redacted line, or null when the whole line lies inside a private key block and is dropped. */
        public String next(String line) {
            boolean startedInBlock = inKeyBlock;
            StringBuilder out = new StringBuilder();
            String rest = line;
            while (true) {
                if (inKeyBlock) {
                    Matcher end = SecretPatterns.KEY_END.matcher(rest);
                    if (!end.find()) {
                        return startedInBlock && out.toString().isBlank() ? null : out.toString();
                    }
                    rest = rest.substring(end.end());
                    inKeyBlock = false;
                }
                Matcher begin = SecretPatterns.KEY_BEGIN.matcher(rest);
                if (!begin.find()) {
                    out.append(redactFragment(rest));
                    return startedInBlock && out.toString().isBlank() ? null : out.toString();
                }
                out.append(redactFragment(rest.substring(0, begin.start()))).append(REDACTED);
                rest = rest.substring(begin.end());
                inKeyBlock = true;
            }
        }
    }
}
