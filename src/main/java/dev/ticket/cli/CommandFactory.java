package dev.ticket.cli;

import java.time.Clock;
import picocli.CommandLine;

/** Picocli's factory: builds commands as usual, then hands them the {@link Io} and {@link Clock}. */
final class CommandFactory implements CommandLine.IFactory {
    private final Io io;
    private final Clock clock;
    private final CommandLine.IFactory fallback = CommandLine.defaultFactory();

    CommandFactory(Io io, Clock clock) {
        this.io = io;
        this.clock = clock;
    }

    @Override
    public <K> K create(Class<K> type) throws Exception {
        K made = fallback.create(type);
        if (made instanceof Injectable) {
            ((Injectable) made).inject(io, clock);
        }
        return made;
    }
}
