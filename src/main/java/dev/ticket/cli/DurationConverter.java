package dev.ticket.cli;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;

/** Reads durations such as {@code 90s}, {@code 10m}, {@code 1h30m}, {@code 45} (seconds) or {@code PT10M}. */
public final class DurationConverter implements CommandLine.ITypeConverter<Duration> {

    @Override
    public Duration convert(String value) {
        return parse(value);
    }

    public static Duration parse(String value) {
        String text = value == null ? "" : value.strip().toLowerCase(java.util.Locale.ROOT);
        if (text.matches("\\d+")) {
            return Duration.ofSeconds(Long.parseLong(text));
        }
        if (text.startsWith("p")) {
            try {
                return Duration.parse(text.toUpperCase(java.util.Locale.ROOT));
            } catch (DateTimeParseException e) {
                throw invalid(value);
            }
        }
        Matcher m = Part.PATTERN.matcher(text);
        Duration total = Duration.ZERO;
        int end = 0;
        while (m.find() && m.start() == end) {
            long n = Long.parseLong(m.group(1));
            total = total.plus(unit(n, m.group(2)));
            end = m.end();
        }
        if (end == 0 || end != text.length()) {
            throw invalid(value);
        }
        return total;
    }

    private static Duration unit(long n, String unit) {
        switch (unit) {
            case "ms": return Duration.ofMillis(n);
            case "s": return Duration.ofSeconds(n);
            case "m": return Duration.ofMinutes(n);
            case "h": return Duration.ofHours(n);
            default: return Duration.ofDays(n);
        }
    }

    private static CommandLine.TypeConversionException invalid(String value) {
        return new CommandLine.TypeConversionException(
                "'" + value + "' is not a duration (write e.g. 30s, 10m, 1h30m, 30d)");
    }

    /** Compiled when a duration is read, not when picocli makes this converter for every command's model. */
    private static final class Part {
        static final Pattern PATTERN = Pattern.compile("(\\d+)(ms|s|m|h|d)");
    }
}
