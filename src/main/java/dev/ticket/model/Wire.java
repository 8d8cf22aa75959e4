package dev.ticket.model;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** Parses the lower-case wire names of the model's enums, with an error that lists the choices. */
public final class Wire {
    private Wire() {
    }

    /** Parses {@code text} (case-insensitive, {@code -} same as {@code _}) or throws {@link IllegalArgumentException}. */
    public static <E extends Enum<E>> E parse(Class<E> type, String text) {
        if (text != null) {
            String wanted = text.trim().replace('-', '_').toUpperCase(Locale.ROOT);
            for (E value : type.getEnumConstants()) {
                if (value.name().equals(wanted)) {
                    return value;
                }
            }
        }
        throw new IllegalArgumentException("'" + text + "' is not one of " + choices(type));
    }

    /** The wire names of an enum, comma separated: {@code critical, question, suggestion}. */
    public static <E extends Enum<E>> String choices(Class<E> type) {
        return Arrays.stream(type.getEnumConstants())
                .map(e -> e.name().toLowerCase(Locale.ROOT))
                .collect(Collectors.joining(", "));
    }
}
