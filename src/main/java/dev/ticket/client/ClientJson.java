package dev.ticket.client;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.TreeNode;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.jr.ob.JSON;
import com.fasterxml.jackson.jr.ob.JSONObjectException;
import com.fasterxml.jackson.jr.ob.JacksonJrExtension;
import com.fasterxml.jackson.jr.ob.api.ExtensionContext;
import com.fasterxml.jackson.jr.ob.api.ReaderWriterModifier;
import com.fasterxml.jackson.jr.ob.api.ReaderWriterProvider;
import com.fasterxml.jackson.jr.ob.api.ValueReader;
import com.fasterxml.jackson.jr.ob.api.ValueWriter;
import com.fasterxml.jackson.jr.ob.impl.BeanConstructors;
import com.fasterxml.jackson.jr.ob.impl.BeanPropertyIntrospector;
import com.fasterxml.jackson.jr.ob.impl.BeanReader;
import com.fasterxml.jackson.jr.ob.impl.JSONReader;
import com.fasterxml.jackson.jr.ob.impl.JSONWriter;
import com.fasterxml.jackson.jr.ob.impl.POJODefinition;
import dev.ticket.model.Json;
import dev.ticket.model.Wire;
import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The CLI's JSON: jackson-jr (Jackson's light object layer over the same streaming core the service's mapper
 * uses), set up to read and write records as the service's mapper ({@link Json#mapper()}) does. Building the
 * mapper costs a short command hundreds of ms of class loading and annotation introspection; jr has neither.
 *
 * <p>The mapper's rules, as jr extensions: snake_case field names, ISO-8601 instants, enums by their wire names
 * ({@link Wire#parse}), unknown fields skipped (a newer service may send more), absent fields null; a number or
 * flag (a primitive) absent or null, a number given as text, or text given as a number is an error. Records are
 * written with their components in order, nulls kept unless {@code @JsonInclude(NON_NULL)} is on the component or
 * the record, so what the CLI sends has no nulls and {@code --json} prints the mapper's bytes. {@code
 * ClientJsonTest} holds all of it to the mapper for every record of the model.
 */
public final class ClientJson {
    private static final JSON COMPACT = JSON.builder(Json.factory())
            .register(new ModelRules())
            .disable(JSON.Feature.FAIL_ON_UNKNOWN_BEAN_PROPERTY)
            .enable(JSON.Feature.WRITE_NULL_PROPERTIES, JSON.Feature.FORCE_REFLECTION_ACCESS)
            .build();

    private ClientJson() {
    }

    /** Whether {@code type} is a record of the model: what {@link #read} is for. */
    public static boolean handles(Class<?> type) {
        return type.isRecord() && ofTheModel(type);
    }

    /** Reads one {@code type} (a record) from {@code json}; a malformed or mistyped document is an {@link IOException}. */
    public static <T> T read(byte[] json, Class<T> type) throws IOException {
        T value = COMPACT.beanFrom(type, json);
        if (value == null) {
            throw new JSONObjectException("no " + type.getSimpleName() + " in the document");
        }
        return value;
    }

    /** The {@code items} of a page ({@code {"items": [...], ...}}) as {@code type}s; none when it has none. */
    public static <T> List<T> readItems(byte[] json, Class<T> type) throws IOException {
        try (JsonParser p = Json.factory().createParser(json)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new JSONObjectException("no page of " + type.getSimpleName() + " in the document");
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                boolean items = "items".equals(p.currentName());
                if (p.nextToken() != JsonToken.VALUE_NULL && items) {
                    return COMPACT.listOfFrom(type, p);
                }
                p.skipChildren();
            }
            return List.of();
        }
    }

    /** {@code value} as the mapper writes it, compact: a request body. */
    public static byte[] write(Object value) throws IOException {
        return COMPACT.asBytes(value);
    }

    /** {@code value} as the mapper's writer with the default pretty printer writes it: what {@code --json} prints. */
    public static String writePretty(Object value) throws IOException {
        return Pretty.JSON.asString(value);
    }

    /** Made on first use: the pretty printer's classes are start-up time a command printing text does not need. */
    private static final class Pretty {
        static final JSON JSON = COMPACT.with(com.fasterxml.jackson.jr.ob.JSON.Feature.PRETTY_PRINT_OUTPUT)
                .with(new DefaultPrettyPrinter());
    }

    private static boolean ofTheModel(Class<?> type) {
        return type.getPackageName().equals(Json.class.getPackageName());
    }

    /** The mapper's rules for our types, as one jr extension. */
    private static final class ModelRules extends JacksonJrExtension {
        @Override
        protected void register(ExtensionContext context) {
            context.insertProvider(new Provider());
            context.insertModifier(new Modifier());
        }
    }

    private static final class Provider extends ReaderWriterProvider {
        @Override
        @SuppressWarnings({"unchecked", "rawtypes"})
        public ValueReader findValueReader(JSONReader context, Class<?> type) {
            if (type == long.class || type == Long.class || type == int.class || type == Integer.class) {
                return new WholeNumber(type);
            } else if (type == boolean.class || type == Boolean.class) {
                return new Flag(type);
            } else if (type == String.class) {
                return new Text();
            } else if (type == Instant.class) {
                return new InstantReader();
            } else if (type.isEnum() && ofTheModel(type)) {
                return new WireEnum(type);
            }
            return null;
        }

        @Override
        public ValueWriter findValueWriter(JSONWriter context, Class<?> type) {
            if (type == Instant.class) {
                return new ToStringWriter(type, false); // ISO-8601, as the mapper's InstantSerializer writes it
            } else if (type.isEnum() && ofTheModel(type)) {
                return new ToStringWriter(type, true); // the model's @JsonValue wire()
            } else if (type.isRecord()) {
                return new RecordWriter(type);
            } else if (TreeNode.class.isAssignableFrom(type)) {
                return new MapperWriter(type); // the admin commands' JSON trees
            }
            return null;
        }
    }

    /** Snake-case names for records, and a missing number or flag an error as in the mapper. */
    private static final class Modifier extends ReaderWriterModifier {
        @Override
        public POJODefinition pojoDefinitionForDeserialization(JSONReader context, Class<?> type) {
            if (!type.isRecord()) {
                return BeanPropertyIntrospector.instance().pojoDefinitionForDeserialization(context, type);
            }
            // A record's components in the order of its canonical constructor, read from the record itself: jr's
            // introspection asks for them through reflection (it runs on Java 8), and the first reflective call
            // of Class.getRecordComponents costs a cold JVM the parse of its annotations and a proxy class.
            RecordComponent[] components = type.getRecordComponents();
            POJODefinition.Prop[] props = new POJODefinition.Prop[components.length];
            Class<?>[] types = new Class<?>[components.length];
            for (int i = 0; i < components.length; i++) {
                String name = components[i].getName();
                types[i] = components[i].getType();
                props[i] = new POJODefinition.Prop(JsonNames.snakeCase(name), name, null, null,
                        components[i].getAccessor(), null, null);
            }
            try {
                return new POJODefinition(type, props,
                        new BeanConstructors(type).addRecordConstructor(type.getDeclaredConstructor(types)));
            } catch (NoSuchMethodException e) {
                throw new IllegalStateException("a record without its canonical constructor: " + type, e);
            }
        }

        @Override
        public ValueReader modifyValueReader(JSONReader context, Class<?> type, ValueReader reader) {
            if (reader instanceof BeanReader bean && type.isRecord()) {
                for (RecordComponent component : type.getRecordComponents()) {
                    if (component.getType().isPrimitive()) {
                        return new StrictRecordReader(type, bean);
                    }
                }
            }
            return reader;
        }
    }

    /**
     * jr's record reader, but an absent primitive component is passed as null rather than 0, so that the canonical
     * constructor refuses it (the mapper's FAIL_ON_NULL_FOR_PRIMITIVES).
     */
    private static final class StrictRecordReader extends BeanReader {
        StrictRecordReader(Class<?> type, BeanReader plain) {
            super(type, plain.propertiesByName(), constructors(type), Set.of(), Map.of());
            Arrays.fill(_recordNullValues, null);
        }

        private static BeanConstructors constructors(Class<?> type) {
            RecordComponent[] components = type.getRecordComponents();
            Class<?>[] types = new Class<?>[components.length];
            for (int i = 0; i < components.length; i++) {
                types[i] = components[i].getType();
            }
            try {
                BeanConstructors constructors = new BeanConstructors(type)
                        .addRecordConstructor(type.getDeclaredConstructor(types));
                constructors.forceAccess();
                return constructors;
            } catch (NoSuchMethodException e) {
                throw new IllegalStateException("a record without its canonical constructor: " + type, e);
            }
        }
    }

    private static JSONObjectException mismatch(JsonParser p, String wanted) {
        String name = p.getParsingContext().getCurrentName();
        String at = name == null ? "" : " at '" + name + "'";
        return JSONObjectException.from(p, "expected " + wanted + at + ", found " + p.currentToken());
    }

    /** A reader for which JSON null is null where the type can hold it; the rest is {@link #value}'s. */
    private abstract static class NullableReader extends ValueReader {
        NullableReader(Class<?> type) {
            super(type);
        }

        @Override
        public final Object read(JSONReader context, JsonParser p) throws IOException {
            JsonToken token = p.currentToken();
            return token == JsonToken.VALUE_NULL && !_valueType.isPrimitive() ? null : value(p, token);
        }

        /** The value of the current token: anything but a null the type can hold. */
        abstract Object value(JsonParser p, JsonToken token) throws IOException;
    }

    /** A whole number, boxed or not: text is not a number, and null only where the type can hold it. */
    private static final class WholeNumber extends NullableReader {
        WholeNumber(Class<?> type) {
            super(type);
        }

        @Override
        Object value(JsonParser p, JsonToken token) throws IOException {
            if (token == JsonToken.VALUE_NULL) {
                throw JSONObjectException.from(p, "null for a " + _valueType + " value at '" + p.currentName() + "'");
            } else if (token != JsonToken.VALUE_NUMBER_INT) {
                throw mismatch(p, "a whole number");
            }
            return _valueType == long.class || _valueType == Long.class ? (Object) p.getLongValue() : p.getIntValue();
        }
    }

    private static final class Flag extends NullableReader {
        Flag(Class<?> type) {
            super(type);
        }

        @Override
        Object value(JsonParser p, JsonToken token) throws IOException {
            if (token != JsonToken.VALUE_TRUE && token != JsonToken.VALUE_FALSE) {
                throw mismatch(p, "true or false");
            }
            return token == JsonToken.VALUE_TRUE;
        }
    }

    private static final class Text extends NullableReader {
        Text() {
            super(String.class);
        }

        @Override
        Object value(JsonParser p, JsonToken token) throws IOException {
            if (token != JsonToken.VALUE_STRING) {
                throw mismatch(p, "a string");
            }
            return p.getText();
        }
    }

    private static final class WireEnum<E extends Enum<E>> extends NullableReader {
        private final Class<E> type;

        WireEnum(Class<E> type) {
            super(type);
            this.type = type;
        }

        @Override
        Object value(JsonParser p, JsonToken token) throws IOException {
            if (token != JsonToken.VALUE_STRING) {
                throw mismatch(p, "one of " + Wire.choices(type));
            }
            try {
                return Wire.parse(type, p.getText());
            } catch (IllegalArgumentException e) {
                throw JSONObjectException.from(p, e.getMessage());
            }
        }
    }

    private static final class InstantReader extends NullableReader {
        InstantReader() {
            super(Instant.class);
        }

        @Override
        Object value(JsonParser p, JsonToken token) throws IOException {
            if (token == JsonToken.VALUE_NUMBER_INT || token == JsonToken.VALUE_NUMBER_FLOAT) {
                // the mapper reads a number as epoch seconds (with a fraction for nanoseconds)
                BigDecimal seconds = p.getDecimalValue();
                return Instant.ofEpochSecond(seconds.longValue(),
                        seconds.remainder(BigDecimal.ONE).movePointRight(9).intValue());
            } else if (token != JsonToken.VALUE_STRING) {
                throw mismatch(p, "an ISO-8601 instant");
            }
            try {
                return Instants.parse(p.getText());
            } catch (DateTimeException e) {
                throw JSONObjectException.from(p, "not an ISO-8601 instant: '" + p.getText() + "'");
            }
        }
    }

    /** An instant's ISO-8601 text, or a model enum's wire name. */
    private record ToStringWriter(Class<?> valueType, boolean lowerCase) implements ValueWriter {
        @Override
        public void writeValue(JSONWriter context, JsonGenerator g, Object value) throws IOException {
            g.writeString(lowerCase ? ((Enum<?>) value).name().toLowerCase(Locale.ROOT) : value.toString());
        }
    }

    private record MapperWriter(Class<?> valueType) implements ValueWriter {
        @Override
        public void writeValue(JSONWriter context, JsonGenerator g, Object value) throws IOException {
            Json.mapper().writeValue(g, value);
        }
    }
}
