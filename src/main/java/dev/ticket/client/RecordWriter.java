package dev.ticket.client;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.jr.ob.api.ValueWriter;
import com.fasterxml.jackson.jr.ob.impl.JSONWriter;
import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;

/**
 * A record as the mapper writes it: components in order under snake_case names, a null left out where
 * {@code @JsonInclude(NON_NULL)} is on the component (Jackson's annotations land on the accessor) or the record.
 */
final class RecordWriter implements ValueWriter {
    private final Class<?> type;
    private final String[] names;
    private final Method[] accessors;
    private final boolean[] skipNull;

    RecordWriter(Class<?> type) {
        this.type = type;
        RecordComponent[] components = type.getRecordComponents();
        names = new String[components.length];
        accessors = new Method[components.length];
        skipNull = new boolean[components.length];
        JsonInclude onRecord = type.getAnnotation(JsonInclude.class);
        for (int i = 0; i < components.length; i++) {
            names[i] = JsonNames.snakeCase(components[i].getName());
            accessors[i] = components[i].getAccessor();
            accessors[i].setAccessible(true); // a record private to its package (the config file's)
            JsonInclude include = accessors[i].getAnnotation(JsonInclude.class);
            include = include == null ? onRecord : include;
            JsonInclude.Include rule = include == null ? JsonInclude.Include.ALWAYS : include.value();
            if (rule != JsonInclude.Include.NON_NULL && rule != JsonInclude.Include.ALWAYS
                    && rule != JsonInclude.Include.USE_DEFAULTS) {
                throw new IllegalStateException("ClientJson writes ALWAYS and NON_NULL only, not " + rule
                        + " (" + type.getSimpleName() + "." + names[i] + ")");
            }
            skipNull[i] = rule == JsonInclude.Include.NON_NULL;
        }
    }

    @Override
    public Class<?> valueType() {
        return type;
    }

    @Override
    public void writeValue(JSONWriter context, JsonGenerator g, Object record) throws IOException {
        g.writeStartObject();
        for (int i = 0; i < accessors.length; i++) {
            Object value;
            try {
                value = accessors[i].invoke(record);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot read " + names[i] + " of " + type.getSimpleName(), e);
            }
            if (value == null && skipNull[i]) {
                continue;
            }
            g.writeFieldName(names[i]);
            context.writeValue(value);
        }
        g.writeEndObject();
    }
}
