package dev.ticket.cli.ci;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A stable name for a CI failure, used as the ticket's dedupe key: the job plus the first error line with the
 * parts that change from run to run (timestamps, UUIDs, hex, paths, numbers) normalised away.
 */
public final class Fingerprint {
    private static final Pattern ANSI = Pattern.compile("\u001B\\[[0-9;?]*[A-Za-z]");
    private static final Pattern ERROR = Pattern.compile(
            "(?i)\\b(?:errors?|failed|failures?|fatal|exception|panic(?:ked)?|traceback)\\b"
                    + "|\\bFAIL(?:ED|URE)?\\b|\\bERR!|\\b[A-Z]\\w*(?:Exception|Error)\\b");
    /** Summary lines that mention errors without reporting one: {@code Failures: 0, Errors: 0}, {@code 0 failed}. */
    private static final Pattern NO_ERROR = Pattern.compile(
            "(?i)\\b(?:errors?|failed|failures?)\\s*[:=]\\s*0\\b|\\b0\\s+(?:errors?|failed|failures?)\\b");
    private static final Pattern TIMESTAMP = Pattern.compile(
            "\\d{4}-\\d{2}-\\d{2}(?:[T ]\\d{2}:\\d{2}(?::\\d{2}(?:[.,]\\d+)?)?(?:Z|[+-]\\d{2}:?\\d{2})?)?"
                    + "|\\b\\d{1,2}:\\d{2}:\\d{2}(?:[.,]\\d+)?\\b");
    private static final Pattern UUID = Pattern.compile(
            "(?i)\\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\\b");
    private static final Pattern HEX = Pattern.compile("(?i)\\b0x[0-9a-f]+\\b|\\b(?=[a-f]*\\d)[0-9a-f]{7,}\\b");
    private static final Pattern PATH = Pattern.compile(
            "(?:[A-Za-z]:)?(?:[\\\\/]?[\\w.@+~-]+)?(?:[\\\\/][\\w.@+~-]+)+[\\\\/]?");
    private static final Pattern NUMBER = Pattern.compile("\\d+");
    private static final Pattern SPACES = Pattern.compile("\\s+");

    private Fingerprint() {
    }

    /** The fingerprint of a failure of {@code job} whose (already redacted) log is {@code logLines}. */
    public static String of(String job, List<String> logLines) {
        return ofErrorLine(job, firstErrorLine(logLines).orElse(null));
    }

    /** The fingerprint of {@code job} failing with {@code errorLine}; a null line groups by job alone. */
    public static String ofErrorLine(String job, String errorLine) {
        String key = (job == null ? "" : job.trim()) + "\n" + (errorLine == null ? "" : normalise(errorLine));
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return "ci-" + HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime.", e);
        }
    }

    /** The first line that reports an error, failure or exception. */
    public static Optional<String> firstErrorLine(List<String> logLines) {
        return logLines.stream().filter(Fingerprint::isErrorLine).findFirst();
    }

    /** True when {@code line} reports an error, failure or exception (not a summary of zero of them). */
    public static boolean isErrorLine(String line) {
        String plain = NO_ERROR.matcher(stripAnsi(line)).replaceAll(" ");
        return ERROR.matcher(plain).find();
    }

    /** {@code line} with timestamps, UUIDs, hex, paths and numbers replaced by placeholders, spaces collapsed. */
    public static String normalise(String line) {
        String text = stripAnsi(line);
        text = TIMESTAMP.matcher(text).replaceAll("<time>");
        text = UUID.matcher(text).replaceAll("<uuid>");
        text = HEX.matcher(text).replaceAll("<hex>");
        text = PATH.matcher(text).replaceAll("<path>");
        text = NUMBER.matcher(text).replaceAll("<n>");
        return SPACES.matcher(text).replaceAll(" ").trim();
    }

    private static String stripAnsi(String line) {
        return ANSI.matcher(line).replaceAll("");
    }
}
