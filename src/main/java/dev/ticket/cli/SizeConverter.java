package dev.ticket.cli;

import dev.ticket.model.ByteSizes;
import picocli.CommandLine;

/** Reads sizes as people type them ({@code 2048}, {@code 512K}, {@code 100MiB}, {@code 1.5 GB}), in bytes. */
public final class SizeConverter implements CommandLine.ITypeConverter<Long> {
    @Override
    public Long convert(String value) {
        try {
            return ByteSizes.parse(value);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.TypeConversionException(e.getMessage());
        }
    }
}
