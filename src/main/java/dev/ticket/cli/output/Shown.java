package dev.ticket.cli.output;

import dev.ticket.model.TerminalText;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The output edge (rules.md, contract): what came from the service, made safe to print on a terminal. Every string in a
 * record (and in its lists, maps and nested records) goes through {@link TerminalText}: a message's
 * {@code body} keeps its newlines and tabs, every other field is one line, so no title or name can add a line
 * or a table row. Human output only: {@code --json} prints the exact text.
 */
public final class Shown {
    private Shown() {
    }

    /** A copy of {@code value} with every string in it inert; null stays null. */
    @SuppressWarnings("unchecked")
    public static <T> T inert(T value) {
        return (T) walk(value, false);
    }

    /** One line of text from outside (a name, a title, an error detail). */
    public static String line(String text) {
        return TerminalText.inertLine(text);
    }

    private static Object walk(Object value, boolean multiline) {
        if (value == null) {
            return null;
        }
        if (value instanceof String text) {
            return multiline ? TerminalText.inert(text) : TerminalText.inertLine(text);
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>(list.size());
            list.forEach(item -> copy.add(walk(item, multiline)));
            return copy;
        }
        if (value instanceof Map<?, ?> map) {
            Map<Object, Object> copy = new LinkedHashMap<>();
            map.forEach((k, v) -> copy.put(walk(k, false), walk(v, multiline)));
            return copy;
        }
        Class<?> type = value.getClass();
        return type.isRecord() ? record(value, type) : value;
    }

    private static Object record(Object value, Class<?> type) {
        RecordComponent[] components = type.getRecordComponents();
        Object[] args = new Object[components.length];
        Class<?>[] types = new Class<?>[components.length];
        try {
            for (int i = 0; i < components.length; i++) {
                types[i] = components[i].getType();
                args[i] = walk(components[i].getAccessor().invoke(value), components[i].getName().equals("body"));
            }
            Constructor<?> canonical = type.getDeclaredConstructor(types);
            return canonical.newInstance(args);
        } catch (ReflectiveOperationException e) {
            Throwable cause = e instanceof InvocationTargetException ? e.getCause() : e;
            throw new IllegalStateException("cannot copy " + type.getSimpleName() + " for printing", cause);
        }
    }
}
