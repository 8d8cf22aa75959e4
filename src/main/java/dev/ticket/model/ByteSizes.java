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
}
