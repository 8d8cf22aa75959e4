package dev.ticket.cli.command;

import dev.ticket.cli.DurationConverter;
import dev.ticket.cli.UsageException;
import java.time.Duration;
import picocli.CommandLine.Option;

/** {@code --expires DURATION} of the commands that make a token. */
public final class ExpiresOption {
    @Option(names = "--expires", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "The token stops working after this long: 90m, 12h, 30d (default: never).")
    Duration expires;

    /** The token's lifetime in seconds, null for no end; a usage error under a second. */
    Long seconds() {
        if (expires == null) {
            return null;
        }
        if (expires.toSeconds() < 1) {
            throw new UsageException("--expires must be at least 1s");
        }
        return expires.toSeconds();
    }
}
