package dev.ticket.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The shipped {@code openapi.yaml}, parsed, with a small checker that holds real JSON against its
 * schemas: every field sent must be declared, every required field sent, enums respected.
 */
final class OpenApiDocument {
    static final Set<String> METHODS = Set.of("get", "post", "put", "patch", "delete", "head", "options");

    final JsonNode root;
    /** Schema name to the property names real responses carried. */
    final Map<String, Set<String>> seen = new TreeMap<>();

    private OpenApiDocument(JsonNode root) {
        this.root = root;
    }

    static OpenApiDocument load() {
        try (InputStream in = OpenApiDocument.class.getResourceAsStream("/openapi.yaml")) {
            if (in == null) {
                throw new AssertionError("openapi.yaml is not on the class path");
            }
            return new OpenApiDocument(new ObjectMapper(new YAMLFactory()).readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every operation as {@code METHOD path}, e.g. {@code POST /api/v1/tickets}. */
    Set<String> operations() {
        Set<String> ops = new TreeSet<>();
        root.get("paths").fields().forEachRemaining(path -> path.getValue().fieldNames().forEachRemaining(m -> {
            if (METHODS.contains(m)) {
                ops.add(m.toUpperCase() + " " + path.getKey());
            }
        }));
        return ops;
    }

    JsonNode operation(String method, String path) {
        JsonNode op = root.path("paths").path(path).path(method.toLowerCase());
        if (op.isMissingNode()) {
            throw new AssertionError("openapi.yaml has no " + method + " " + path);
        }
        return op;
    }

    /** The documented schema of a response, or an error saying the status or media type is not documented. */
    JsonNode responseSchema(String method, String path, int status, String mediaType) {
        JsonNode response = resolve(operation(method, path).path("responses").path(String.valueOf(status)));
        if (response.isMissingNode()) {
            throw new AssertionError(method + " " + path + " answered " + status + ", which openapi.yaml omits");
        }
        JsonNode media = response.path("content").path(mediaType);
        if (media.isMissingNode()) {
            throw new AssertionError(method + " " + path + " " + status + " is not documented as " + mediaType);
        }
        return media.has("x-item-schema") ? media.get("x-item-schema") : media.get("schema");
    }

    JsonNode schema(String name) {
        JsonNode schema = root.path("components").path("schemas").path(name);
        if (schema.isMissingNode()) {
            throw new AssertionError("no schema " + name);
        }
        return schema;
    }

    Set<String> properties(String schemaName) {
        Set<String> names = new LinkedHashSet<>();
        schema(schemaName).path("properties").fieldNames().forEachRemaining(names::add);
        return names;
    }

    JsonNode resolve(JsonNode node) {
        JsonNode current = node;
        while (current.has("$ref")) {
            current = pointer(current.get("$ref").asText());
        }
        return current;
    }

    JsonNode pointer(String ref) {
        if (!ref.startsWith("#/")) {
            throw new AssertionError("only local references are used: " + ref);
        }
        JsonNode target = root.at(ref.substring(1));
        if (target.isMissingNode()) {
            throw new AssertionError("dangling reference " + ref);
        }
        return target;
    }

    /** Every {@code $ref} in the document. */
    List<String> references() {
        List<String> refs = new ArrayList<>();
        collectRefs(root, refs);
        return refs;
    }

    private static void collectRefs(JsonNode node, List<String> refs) {
        if (node.has("$ref")) {
            refs.add(node.get("$ref").asText());
        }
        node.elements().forEachRemaining(child -> collectRefs(child, refs));
    }

    /** Problems found holding {@code value} against {@code schema}; records field names seen per schema. */
    List<String> check(JsonNode schema, JsonNode value, String where) {
        List<String> problems = new ArrayList<>();
        check(schema, null, value, where, problems);
        return problems;
    }

    private void check(JsonNode schema, String name, JsonNode value, String where, List<String> problems) {
        if (schema.has("$ref")) {
            String ref = schema.get("$ref").asText();
            check(pointer(ref), ref.substring(ref.lastIndexOf('/') + 1), value, where, problems);
            return;
        }
        if (value.isNull()) {
            if (!types(schema).contains("null")) {
                problems.add(where + " is null but its schema does not allow null");
            }
            return;
        }
        if (schema.has("enum") && !contains(schema.get("enum"), value)) {
            problems.add(where + " = " + value + " is not in " + schema.get("enum"));
        }
        Set<String> types = types(schema);
        if (types.contains("object") || schema.has("properties")) {
            checkObject(schema, name, value, where, problems);
        } else if (types.contains("array")) {
            if (!value.isArray()) {
                problems.add(where + " should be an array: " + value);
                return;
            }
            for (int i = 0; i < value.size(); i++) {
                check(schema.get("items"), null, value.get(i), where + "[" + i + "]", problems);
            }
        } else if (!types.isEmpty() && !types.contains(jsonType(value))) {
            problems.add(where + " = " + value + " is " + jsonType(value) + ", documented as " + types);
        }
    }

    private void checkObject(JsonNode schema, String name, JsonNode value, String where, List<String> problems) {
        if (!value.isObject()) {
            problems.add(where + " should be an object: " + value);
            return;
        }
        JsonNode props = schema.path("properties");
        for (Iterator<String> it = value.fieldNames(); it.hasNext(); ) {
            String field = it.next();
            if (name != null) {
                seen.computeIfAbsent(name, k -> new TreeSet<>()).add(field);
            }
            if (!props.has(field)) {
                problems.add(where + "." + field + " is sent but not in the schema" + (name == null ? "" : " " + name));
            } else {
                check(props.get(field), null, value.get(field), where + "." + field, problems);
            }
        }
        schema.path("required").forEach(r -> {
            if (!value.has(r.asText())) {
                problems.add(where + " lacks required " + r.asText());
            }
        });
    }

    private static Set<String> types(JsonNode schema) {
        Set<String> types = new TreeSet<>();
        JsonNode type = schema.path("type");
        if (type.isTextual()) {
            types.add(type.asText());
        } else {
            type.forEach(t -> types.add(t.asText()));
        }
        if (types.contains("integer")) {
            types.add("number");
        }
        return types;
    }

    private static String jsonType(JsonNode value) {
        if (value.isIntegralNumber()) {
            return "integer";
        }
        return switch (value.getNodeType()) {
            case STRING -> "string";
            case BOOLEAN -> "boolean";
            case NUMBER -> "number";
            case ARRAY -> "array";
            case OBJECT -> "object";
            default -> value.getNodeType().name().toLowerCase();
        };
    }

    private static boolean contains(JsonNode list, JsonNode value) {
        for (JsonNode item : list) {
            if (item.equals(value)) {
                return true;
            }
        }
        return false;
    }
}
