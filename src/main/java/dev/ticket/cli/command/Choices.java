package dev.ticket.cli.command;

import dev.ticket.model.Awaiting;
import dev.ticket.model.Role;
import dev.ticket.model.Status;
import dev.ticket.model.TicketType;
import dev.ticket.model.Wire;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.ITypeConverter;

/** Option values that are closed sets: converters that read the wire names, and the names for completion. */
public final class Choices {
    private Choices() {
    }

    /** The wire name's enum value; else an error naming the values as this option spells them. */
    static <E extends Enum<E>> E parse(Class<E> type, String text, Iterable<String> choices) {
        try {
            return Wire.parse(type, text);
        } catch (IllegalArgumentException e) {
            throw notOneOf(text, choices);
        }
    }

    /** The error for a value outside a closed set, naming the set. */
    static CommandLine.TypeConversionException notOneOf(String text, Iterable<String> choices) {
        return new CommandLine.TypeConversionException("'" + text + "' is not one of " + String.join(", ", choices));
    }

    /** {@code critical}, {@code question}, {@code suggestion}. */
    public static final class Types implements ITypeConverter<TicketType>, Iterable<String> {
        @Override
        public TicketType convert(String value) {
            return parse(TicketType.class, value, this);
        }

        @Override
        public java.util.Iterator<String> iterator() {
            return List.of("critical", "question", "suggestion").iterator();
        }
    }

    /** {@code all} (null), {@code on-customer}, {@code done}. */
    public static final class Statuses implements ITypeConverter<Status>, Iterable<String> {
        @Override
        public Status convert(String value) {
            return "all".equalsIgnoreCase(value.strip()) ? null : parse(Status.class, value, this);
        }

        @Override
        public java.util.Iterator<String> iterator() {
            return List.of("all", "on-customer", "done").iterator();
        }
    }

    /** {@code activity} (the default), {@code due}, {@code created}. */
    public static final class Sorts implements ITypeConverter<dev.ticket.model.TicketSort>, Iterable<String> {
        @Override
        public dev.ticket.model.TicketSort convert(String value) {
            return parse(dev.ticket.model.TicketSort.class, value, this);
        }

        @Override
        public java.util.Iterator<String> iterator() {
            return List.of("activity", "due", "created").iterator();
        }
    }

    /** {@code team}, {@code customer}. */
    public static final class Awaitings implements ITypeConverter<Awaiting>, Iterable<String> {
        @Override
        public Awaiting convert(String value) {
            return parse(Awaiting.class, value, this);
        }

        @Override
        public java.util.Iterator<String> iterator() {
            return List.of("team", "customer").iterator();
        }
    }

    /** {@code customer}, {@code agent}, {@code admin}. */
    public static final class Roles implements ITypeConverter<Role>, Iterable<String> {
        @Override
        public Role convert(String value) {
            return parse(Role.class, value, this);
        }

        @Override
        public java.util.Iterator<String> iterator() {
            return List.of("customer", "agent", "admin").iterator();
        }
    }
}
