package dev.ticket.cli;

import java.lang.reflect.Constructor;
import java.lang.reflect.Modifier;
import java.time.Clock;
import picocli.CommandLine;

/**
 * Picocli's factory: builds commands as usual, then hands them the {@link Io} and {@link Clock}. Concrete classes
 * (commands, mixins, converters) are built here by their no-argument constructor; anything else (the
 * collections of multi-value options) by picocli's default factory, made only then: initialising it looks for
 * Groovy's Closure class, a failed class lookup in the whole jar (~3 ms of every command's start-up).
 */
final class CommandFactory implements CommandLine.IFactory {
    private final Io io;
    private final Clock clock;
    private CommandLine.IFactory fallback;

    CommandFactory(Io io, Clock clock) {
        this.io = io;
        this.clock = clock;
    }

    @Override
    public <K> K create(Class<K> type) throws Exception {
        K made;
        if (type.isInterface() || Modifier.isAbstract(type.getModifiers()) || type.isPrimitive() || type.isArray()) {
            if (fallback == null) {
                fallback = CommandLine.defaultFactory();
            }
            made = fallback.create(type);
        } else {
            Constructor<K> constructor = type.getDeclaredConstructor();
            if (!constructor.canAccess(null)) {
                constructor.setAccessible(true);
            }
            made = constructor.newInstance();
        }
        if (made instanceof Injectable) {
            ((Injectable) made).inject(io, clock);
        }
        return made;
    }
}
