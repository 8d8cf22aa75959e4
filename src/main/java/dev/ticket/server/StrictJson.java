package dev.ticket.server;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;
import dev.ticket.model.Json;
import dev.ticket.service.ServiceException;
import java.lang.reflect.RecordComponent;
import java.util.Iterator;
import java.util.Map;

/**
 * Request bodies are read as the OpenAPI schema says, not as Jackson would guess (rules.md, contract): a value of the
 * wrong JSON type ({@code {"body":5}}), {@code null} for a field (absent fields are left out) and unknown fields
 * are 400; the same key twice is refused by the parser before this. A value of the right type that the rules
 * refuse (an empty title, a type that is not one of the three) is for the rules: 422.
 */
final class StrictJson {
    private static final PropertyNamingStrategies.SnakeCaseStrategy SNAKE =
            new PropertyNamingStrategies.SnakeCaseStrategy();

    private StrictJson() {
    }

    /** A reader that refuses unknown fields and every coercion between JSON types (number to text and back). */
    static ObjectReader reader() {
        ObjectMapper strict = Json.mapper().copy();
        strict.configure(MapperFeature.ALLOW_COERCION_OF_SCALARS, false);
        for (LogicalType type : LogicalType.values()) {
            boolean text = type == LogicalType.Textual || type == LogicalType.Enum;
            strict.coercionConfigFor(type)
                    .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.String, text ? CoercionAction.TryConvert : CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.EmptyString,
                            text ? CoercionAction.TryConvert : CoercionAction.Fail);
        }
        return strict.reader()
                .with(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .with(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
                .with(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
    }

    /**
     * What binding cannot see: a {@code null} anywhere (the schema allows none in a request), and a number or
     * flag where an enum's text belongs (its creator takes a string, which Jackson makes of anything).
     */
    static void checkShape(JsonNode tree, Class<?> type) {
        for (Iterator<Map.Entry<String, JsonNode>> it = tree.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            String name = field.getKey();
            JsonNode value = field.getValue();
            if (containsNull(value)) {
                throw wrongType(name + " is null; leave out a field that has no value.");
            }
            Class<?> declared = componentType(type, name);
            if (declared == null && type.isRecord()) {
                // before a missing field, as binding does when the record has no primitive: a typo is named as such
                throw wrongType(Problems.UNKNOWN_FIELD + Requests.printable(name) + "'; this service does not take it.");
            }
            if (declared != null && declared.isEnum() && !value.isTextual()) {
                throw wrongType(name + " must be a JSON string, not " + jsonType(value) + ".");
            }
        }
        if (type.isRecord()) {
            for (RecordComponent component : type.getRecordComponents()) {
                String name = SNAKE.translate(component.getName());
                // binding would say "wrong JSON type" of a number the schema requires and the body left out
                if (component.getType().isPrimitive() && !tree.has(name)) {
                    throw wrongType(name + " is required.");
                }
            }
        }
    }

    private static boolean containsNull(JsonNode node) {
        if (node.isNull()) {
            return true;
        }
        for (JsonNode child : node) {
            if (containsNull(child)) {
                return true;
            }
        }
        return false;
    }

    private static Class<?> componentType(Class<?> type, String jsonName) {
        if (!type.isRecord()) {
            return null;
        }
        for (RecordComponent component : type.getRecordComponents()) {
            if (SNAKE.translate(component.getName()).equals(jsonName)) {
                return component.getType();
            }
        }
        return null;
    }

    static String jsonType(JsonNode value) {
        return switch (value.getNodeType()) {
            case NUMBER -> "a number";
            case BOOLEAN -> "true or false";
            case ARRAY -> "an array";
            case OBJECT -> "an object";
            case STRING -> "a string";
            default -> "null";
        };
    }

    private static ServiceException wrongType(String message) {
        return new ServiceException(ServiceException.Kind.BAD_REQUEST, message);
    }
}
