package dev.ticket.cli.command;

import dev.ticket.model.Awaiting;
import dev.ticket.model.Role;
import dev.ticket.model.Status;
import dev.ticket.model.TicketSort;
import dev.ticket.model.TicketType;
import dev.ticket.model.Wire;
import java.util.Iterator;
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
            throw new CommandLine.TypeConversionException("'" + text + "' is not one of "
                    + String.join(", ", choices));
        }
    }

    /** An enum option: its values by their names as the option spells them, which completion offers. */
    abstract static class Choice<E extends Enum<E>> implements ITypeConverter<E>, Iterable<String> {
        private final Class<E> type;
        private final List<String> names;

        Choice(Class<E> type, String... names) {
            this.type = type;
            this.names = List.of(names);
        }

        @Override
        public E convert(String value) {
            return parse(type, value, this);
        }

        @Override
        public Iterator<String> iterator() {
            return names.iterator();
        }
    }

    /** {@code critical}, {@code question}, {@code suggestion}. */
    public static final class Types extends Choice<TicketType> {
        public Types() {
            super(TicketType.class, "critical", "question", "suggestion");
        }
    }

    /** {@code all} (null), {@code on-customer}, {@code done}. */
    public static final class Statuses extends Choice<Status> {
        public Statuses() {
            super(Status.class, "all", "on-customer", "done");
        }

        @Override
        public Status convert(String value) {
            return "all".equalsIgnoreCase(value.strip()) ? null : super.convert(value);
        }
    }

    /** {@code activity} (the default), {@code due}, {@code created}. */
    public static final class Sorts extends Choice<TicketSort> {
        public Sorts() {
            super(TicketSort.class, "activity", "due", "created");
        }
    }

    /** {@code team}, {@code customer}. */
    public static final class Awaitings extends Choice<Awaiting> {
        public Awaitings() {
            super(Awaiting.class, "team", "customer");
        }
    }

    /** {@code customer}, {@code agent}, {@code admin}. */
    public static final class Roles extends Choice<Role> {
        public Roles() {
            super(Role.class, "customer", "agent", "admin");
        }
    }
}
