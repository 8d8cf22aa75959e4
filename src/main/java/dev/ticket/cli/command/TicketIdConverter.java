package dev.ticket.cli.command;

import picocli.CommandLine;

/** Reads a ticket (or user) id written {@code 42} or {@code #42}. */
public final class TicketIdConverter implements CommandLine.ITypeConverter<Long> {
    @Override
    public Long convert(String value) {
        return parse(value);
    }

    /** The id in {@code 42} or {@code #42}; a {@link CommandLine.TypeConversionException} otherwise. */
    public static long parse(String value) {
        String digits = value == null ? "" : value.strip();
        if (digits.startsWith("#")) {
            digits = digits.substring(1);
        }
        try {
            long id = Long.parseLong(digits);
            if (id > 0 && digits.chars().allMatch(c -> c >= '0' && c <= '9')) { // not ١ (Arabic-Indic one)
                return id;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new CommandLine.TypeConversionException("'" + value + "' is not an id (write 42 or #42)");
    }
}
