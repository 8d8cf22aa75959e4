package dev.ticket.model;

import java.util.Locale;

/**
 * Byte counts for people, in powers of 1024 with their IEC names ({@code 512 B}, {@code 12.3 KiB},
 * {@code 25 MiB}): the service's refusals, the CLI's lines and the chat view say sizes the same way.
 */
public final class ByteSizes {
    private static final String[] UNITS = {"KiB", "MiB", "GiB", "TiB"};

    private ByteSizes() {
    }

    /** {@code bytes} in the largest unit that keeps the number at 1 or more, to one decimal, none when whole. */
    public static String human(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        double value = bytes / 1024.0;
        int unit = 0;
        while (Math.round(value * 10) / 10.0 >= 1024 && unit < UNITS.length - 1) { // 1023.99 KiB is 1 MiB
            value /= 1024;
            unit++;
        }
        double tenths = Math.round(value * 10) / 10.0;
        return (tenths == Math.rint(tenths) ? Long.toString((long) tenths)
                : String.format(Locale.ROOT, "%.1f", tenths)) + " " + UNITS[unit];
    }

    /**
     * Reads a size a person typed: {@code 2048}, {@code 512K}, {@code 100MiB}, {@code 1.5 GB}, {@code 10m}. Units
     * are powers of 1024 whichever way they are spelt (K, KB, KiB). Throws {@link IllegalArgumentException}.
     */
    public static long parse(String text) {
        String value = text == null ? "" : text.strip();
        java.util.regex.Matcher m = java.util.regex.Pattern
                .compile("(?i)(\\d+(?:\\.\\d+)?)\\s*(b|k|kb|kib|m|mb|mib|g|gb|gib|t|tb|tib)?").matcher(value);
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + value + "' is not a size (try 100MiB, 512K or 2048)");
        }
        String unit = m.group(2) == null ? "b" : m.group(2).toLowerCase(Locale.ROOT);
        int power = switch (unit.charAt(0)) {
            case 'k' -> 1;
            case 'm' -> 2;
            case 'g' -> 3;
            case 't' -> 4;
            default -> 0;
        };
        double bytes = Double.parseDouble(m.group(1)) * Math.pow(1024, power);
        if (bytes >= Long.MAX_VALUE) {
            throw new IllegalArgumentException("'" + value + "' is too large a size");
        }
        return (long) bytes;
    }
}
