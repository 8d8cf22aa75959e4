package dev.ticket.client;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import dev.ticket.model.Json;
import dev.ticket.model.Problem;
import dev.ticket.model.Wire;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads the service's JSON into the model's records with Jackson's streaming parser, for the CLI.
 *
 * <p>Why not {@link Json#mapper()}: a short command such as {@code ticket list} spends most of its start-up
 * building the mapper and, by reflection over annotations, a deserializer per type (about 60 ms of a 220 ms run
 * on the 2-core benchmark machine, measured with the mapper warmed on a second thread). Reading the same
 * records by their components costs a few ms. The rules are the mapper's for these types: snake_case field
 * names, ISO-8601 instants, enums by their wire names ({@link Wire#parse}), absent fields null, unknown fields
 * skipped, a number or flag (a primitive) absent or null an error; stricter in one way: a number where text
 * belongs is an error, not text. {@code JsonRecordsTest} holds it to
 * the mapper for every model record the client reads, so the two cannot drift apart. The CLI's config file
 * (a record whose profiles are a map by name) is read with it too.
 *
 * <p>It also writes them ({@link #write}), for the request bodies the CLI sends and what {@code --json} prints:
 * the mapper's output to the byte, compact or with Jackson's default pretty printer (snake_case names in
 * component order, nulls written unless the component or record says {@code @JsonInclude(NON_NULL)}, instants
 * in ISO-8601, enums by their wire names; lists and maps around them). No short command then builds the
 * mapper at all, so its ~500 classes stay out of the class-data archive every command maps at start. Any other
 * value (the admin commands' JSON trees) still goes through the mapper.
 */
public final class JsonRecords {
    private static final ClassValue<Shape> SHAPES = new ClassValue<>() {
        @Override
        protected Shape computeValue(Class<?> type) {
            return Shape.of(type);
        }
    };

    private JsonRecords() {
    }

    /** Whether {@link #read} can read {@code type}: a record of the model. */
    public static boolean handles(Class<?> type) {
        return type.isRecord() && ofTheModel(type);
    }

    /** The JSON names of a model record's fields, in order (what {@code --json FIELDS} chooses from). */
    public static List<String> fieldNames(Class<?> record) {
        List<String> names = new ArrayList<>();
        for (RecordComponent component : record.getRecordComponents()) {
            names.add(Shape.snakeCase(component.getName()));
        }
        return names;
    }

    /** Reads one {@code type} from {@code json}; a malformed or mistyped document is an {@link IOException}. */
    public static <T> T read(byte[] json, Class<T> type) throws IOException {
        try (JsonParser p = Json.factory().createParser(json)) {
            JsonToken first = p.nextToken();
            if (first == null) {
                throw new JsonParseException(p, "no content: expected " + type.getSimpleName());
            }
            return type.cast(value(p, type));
        }
    }

    /** {@code value} as the mapper writes it, compact: a request body. */
    public static byte[] write(Object value) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator g = Json.factory().createGenerator(out, JsonEncoding.UTF8)) {
            write(g, value);
        }
        return out.toByteArray();
    }

    /** {@code value} as the mapper's writer with the default pretty printer writes it: what {@code --json} prints. */
    public static String writePretty(Object value) throws IOException {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = Json.factory().createGenerator(out)) {
            g.setPrettyPrinter(new DefaultPrettyPrinter());
            write(g, value);
        }
        return out.toString();
    }

    private static void write(JsonGenerator g, Object value) throws IOException {
        if (value == null) {
            g.writeNull();
        } else if (value instanceof String text) {
            g.writeString(text);
        } else if (value instanceof Long || value instanceof Integer) {
            g.writeNumber(((Number) value).longValue());
        } else if (value instanceof Boolean flag) {
            g.writeBoolean(flag);
        } else if (value instanceof Instant at) {
            g.writeString(at.toString()); // ISO-8601, as the mapper's InstantSerializer writes it
        } else if (value instanceof Enum<?> constant && ofTheModel(constant.getDeclaringClass())) {
            g.writeString(constant.name().toLowerCase(Locale.ROOT)); // the model's @JsonValue wire()
        } else if (value instanceof Collection<?> items) {
            g.writeStartArray();
            for (Object item : items) {
                write(g, item);
            }
            g.writeEndArray();
        } else if (value instanceof Map<?, ?> entries) {
            g.writeStartObject();
            for (Map.Entry<?, ?> entry : entries.entrySet()) {
                g.writeFieldName(String.valueOf(entry.getKey()));
                write(g, entry.getValue());
            }
            g.writeEndObject();
        } else if (handles(value.getClass())) {
            SHAPES.get(value.getClass()).write(g, value);
        } else {
            Json.mapper().writeValue(g, value);
        }
    }

    private static boolean ofTheModel(Class<?> type) {
        return type.getPackageName().equals(Json.class.getPackageName());
    }

    /**
     * Does ahead what a first read of these types would do: the streaming parser's classes (the config file is
     * read with them too) and how each record and the records in it are read.
     */
    static void warmUp(List<Class<?>> types) {
        try {
            read(("{\"type\": \"warm-up\", \"status\": 400, \"extra\": [1, \"b\", null, true, {\"c\": 1.5}]}")
                    .getBytes(StandardCharsets.UTF_8), Problem.class);
        } catch (IOException e) {
            throw new IllegalStateException(e); // cannot happen: a constant, valid document
        }
        for (Class<?> type : types) {
            prepare((Type) type);
        }
        instant("2026-01-02T03:04:05.678Z");
    }

    private static void prepare(Type type) {
        Class<?> raw = raw(type);
        if (raw == List.class || raw == Map.class) {
            Type[] arguments = ((ParameterizedType) type).getActualTypeArguments();
            prepare(arguments[arguments.length - 1]);
        } else if (raw.isRecord()) {
            for (Type component : SHAPES.get(raw).types) {
                prepare(component);
            }
        }
    }

    private static Object value(JsonParser p, Type type) throws IOException {
        JsonToken token = p.currentToken();
        Class<?> raw = raw(type);
        if (token == JsonToken.VALUE_NULL) {
            if (raw.isPrimitive()) {
                throw new JsonParseException(p, "null for a " + raw + " value at '" + p.currentName() + "'");
            }
            return null;
        }
        if (raw == String.class) {
            if (token != JsonToken.VALUE_STRING) {
                throw mismatch(p, "a string");
            }
            return p.getText();
        }
        if (raw == long.class || raw == Long.class) {
            return number(p).getLongValue();
        }
        if (raw == int.class || raw == Integer.class) {
            return number(p).getIntValue();
        }
        if (raw == boolean.class || raw == Boolean.class) {
            if (token != JsonToken.VALUE_TRUE && token != JsonToken.VALUE_FALSE) {
                throw mismatch(p, "true or false");
            }
            return token == JsonToken.VALUE_TRUE;
        }
        if (raw == Instant.class) {
            return instant(p);
        }
        if (raw.isEnum()) {
            return enumValue(p, raw.asSubclass(Enum.class));
        }
        if (raw == List.class) {
            return list(p, ((ParameterizedType) type).getActualTypeArguments()[0]);
        }
        if (raw == Map.class) {
            return map(p, ((ParameterizedType) type).getActualTypeArguments()[1]);
        }
        if (raw.isRecord()) {
            return SHAPES.get(raw).read(p);
        }
        throw new IllegalArgumentException("JsonRecords cannot read " + type.getTypeName());
    }

    private static JsonParser number(JsonParser p) throws IOException {
        if (p.currentToken() != JsonToken.VALUE_NUMBER_INT) {
            throw mismatch(p, "a whole number");
        }
        return p;
    }

    private static Instant instant(JsonParser p) throws IOException {
        JsonToken token = p.currentToken();
        if (token == JsonToken.VALUE_NUMBER_INT || token == JsonToken.VALUE_NUMBER_FLOAT) {
            // the mapper reads a number as epoch seconds (with a fraction for nanoseconds)
            java.math.BigDecimal seconds = p.getDecimalValue();
            return Instant.ofEpochSecond(seconds.longValue(),
                    seconds.remainder(java.math.BigDecimal.ONE).movePointRight(9).intValue());
        }
        if (token != JsonToken.VALUE_STRING) {
            throw mismatch(p, "an ISO-8601 instant");
        }
        try {
            return instant(p.getText());
        } catch (DateTimeException e) {
            throw new JsonParseException(p, "not an ISO-8601 instant: '" + p.getText() + "'");
        }
    }

    /**
     * {@link Instant#parse}, with a fast path for the service's own form ({@code 2026-11-25T10:15:30.123456Z}):
     * a list holds three instants a ticket, and on a cold JVM the formatter-based parse costs ~5 ms of
     * {@code ticket list}. Anything else (an offset, no seconds, a leap second) goes to {@link Instant#parse}.
     */
    static Instant instant(String text) {
        int n = text.length();
        if (n >= 20 && n <= 30 && text.charAt(n - 1) == 'Z' && text.charAt(4) == '-' && text.charAt(7) == '-'
                && text.charAt(10) == 'T' && text.charAt(13) == ':' && text.charAt(16) == ':') {
            int year = digits(text, 0, 4);
            int month = digits(text, 5, 7);
            int day = digits(text, 8, 10);
            int hour = digits(text, 11, 13);
            int minute = digits(text, 14, 16);
            int second = digits(text, 17, 19);
            int nanos = 0;
            boolean plain = n == 20;
            if (n > 21 && text.charAt(19) == '.' && n - 21 <= 9) {
                nanos = digits(text, 20, n - 1);
                for (int i = n - 21; i < 9; i++) {
                    nanos *= 10;
                }
                plain = true;
            }
            if (plain && year >= 0 && month >= 1 && day >= 1 && hour >= 0 && hour < 24 && minute >= 0 && minute < 60
                    && second >= 0 && second < 60 && nanos >= 0) {
                return LocalDateTime.of(year, month, day, hour, minute, second, nanos).toInstant(ZoneOffset.UTC);
            }
        }
        return Instant.parse(text);
    }

    /** The number written in {@code text[from, to)} with ASCII digits only, else -1. */
    private static int digits(String text, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    private static <E extends Enum<E>> E enumValue(JsonParser p, Class<E> type) throws IOException {
        if (p.currentToken() != JsonToken.VALUE_STRING) {
            throw mismatch(p, "one of " + Wire.choices(type));
        }
        try {
            return Wire.parse(type, p.getText());
        } catch (IllegalArgumentException e) {
            throw new JsonParseException(p, e.getMessage());
        }
    }

    /** An object read as a map from its field names (in their order) to values; null values kept. */
    private static Map<String, Object> map(JsonParser p, Type value) throws IOException {
        if (p.currentToken() != JsonToken.START_OBJECT) {
            throw mismatch(p, "an object");
        }
        Map<String, Object> entries = new LinkedHashMap<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            p.nextToken();
            entries.put(name, value(p, value));
        }
        return entries;
    }

    private static List<Object> list(JsonParser p, Type element) throws IOException {
        if (p.currentToken() != JsonToken.START_ARRAY) {
            throw mismatch(p, "an array");
        }
        List<Object> items = new ArrayList<>();
        while (p.nextToken() != JsonToken.END_ARRAY) {
            items.add(value(p, element));
        }
        return items;
    }

    private static Class<?> raw(Type type) {
        return type instanceof ParameterizedType ? (Class<?>) ((ParameterizedType) type).getRawType() : (Class<?>) type;
    }

    private static JsonParseException mismatch(JsonParser p, String wanted) {
        String name = p.getParsingContext().getCurrentName();
        String at = name == null ? "" : " at '" + name + "'";
        return new JsonParseException(p, "expected " + wanted + at + ", found " + p.currentToken());
    }

    /** How one record is read: its components by wire name, and its canonical constructor. */
    private static final class Shape {
        private final Class<?> type;
        private final Map<String, Integer> index = new HashMap<>();
        private final Type[] types;
        private final String[] names;
        private final boolean[] primitive;
        private final Method[] accessors;
        private final Constructor<?> constructor;
        /** Per component: null until a null value is met, then whether a null is left out (NON_NULL). */
        private final Boolean[] skipNull;

        private Shape(Class<?> type) {
            this.type = type;
            RecordComponent[] components = type.getRecordComponents();
            types = new Type[components.length];
            names = new String[components.length];
            primitive = new boolean[components.length];
            accessors = new Method[components.length];
            skipNull = new Boolean[components.length];
            Class<?>[] raw = new Class<?>[components.length];
            for (int i = 0; i < components.length; i++) {
                names[i] = snakeCase(components[i].getName());
                index.put(names[i], i);
                types[i] = components[i].getGenericType();
                raw[i] = components[i].getType();
                primitive[i] = raw[i].isPrimitive();
                accessors[i] = components[i].getAccessor();
            }
            try {
                constructor = type.getDeclaredConstructor(raw);
                if (!constructor.canAccess(null)) {
                    constructor.setAccessible(true); // a record private to its package (the config file's)
                }
            } catch (NoSuchMethodException e) {
                throw new IllegalStateException("a record without its canonical constructor: " + type, e);
            }
        }

        static Shape of(Class<?> type) {
            if (!type.isRecord()) {
                throw new IllegalArgumentException("not a record: " + type);
            }
            return new Shape(type);
        }

        Object read(JsonParser p) throws IOException {
            if (p.currentToken() != JsonToken.START_OBJECT) {
                throw mismatch(p, "an object (" + type.getSimpleName() + ")");
            }
            Object[] args = new Object[types.length];
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                Integer at = index.get(p.currentName());
                p.nextToken();
                if (at == null) {
                    p.skipChildren();
                } else {
                    args[at] = value(p, types[at]);
                }
            }
            for (int i = 0; i < args.length; i++) {
                if (args[i] == null && primitive[i]) {
                    throw new JsonParseException(p, "missing '" + names[i] + "' in " + type.getSimpleName());
                }
            }
            try {
                return constructor.newInstance(args);
            } catch (InvocationTargetException e) {
                throw new JsonParseException(p, "invalid " + type.getSimpleName() + ": " + e.getCause().getMessage());
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }

        void write(JsonGenerator g, Object record) throws IOException {
            g.writeStartObject();
            for (int i = 0; i < accessors.length; i++) {
                Object value;
                try {
                    if (!accessors[i].canAccess(record)) {
                        accessors[i].setAccessible(true); // a record private to its package
                    }
                    value = accessors[i].invoke(record);
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException("cannot read " + names[i] + " of " + type.getSimpleName(), e);
                }
                if (value == null && skipsNull(i)) {
                    continue;
                }
                g.writeFieldName(names[i]);
                JsonRecords.write(g, value);
            }
            g.writeEndObject();
        }

        /**
         * Whether a null component is left out: {@code @JsonInclude(NON_NULL)} on it (Jackson's annotations land
         * on the accessor) or on the record. Read only once a null is met: reading annotations costs start-up.
         */
        private boolean skipsNull(int i) {
            if (skipNull[i] == null) {
                JsonInclude include = accessors[i].getAnnotation(JsonInclude.class);
                if (include == null) {
                    include = type.getAnnotation(JsonInclude.class);
                }
                JsonInclude.Include rule = include == null ? JsonInclude.Include.ALWAYS : include.value();
                if (rule != JsonInclude.Include.NON_NULL && rule != JsonInclude.Include.ALWAYS
                        && rule != JsonInclude.Include.USE_DEFAULTS) {
                    throw new IllegalStateException("JsonRecords writes ALWAYS and NON_NULL only, not " + rule
                            + " (" + type.getSimpleName() + "." + names[i] + ")");
                }
                skipNull[i] = rule == JsonInclude.Include.NON_NULL;
            }
            return skipNull[i];
        }

        /** Jackson's SNAKE_CASE for the model's names: {@code dialogUrl} is {@code dialog_url}. */
        static String snakeCase(String name) {
            StringBuilder out = new StringBuilder(name.length() + 4);
            for (int i = 0; i < name.length(); i++) {
                char c = name.charAt(i);
                if (Character.isUpperCase(c)) {
                    if (i > 0 && !Character.isUpperCase(name.charAt(i - 1))) {
                        out.append('_');
                    }
                    out.append(Character.toLowerCase(c));
                } else {
                    out.append(c);
                }
            }
            return out.toString();
        }
    }
}
