package dev.ticket.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * SPEC 7.2: {@code openapi.yaml} is valid OpenAPI 3.1, as an independent parser reads it (swagger-parser, the
 * parser of the Swagger tools), with no message at all. The parser takes any keyword in a schema (JSON Schema
 * allows unknown ones), so the second test holds every schema to the keywords of JSON Schema 2020-12 and OpenAPI
 * 3.1: a YAML flow mapping whose description has a comma ({@code {description: A, b.}}) makes a keyword
 * {@code b.} that linters such as Redocly refuse.
 */
class OpenApiParserTest {
    /** JSON Schema 2020-12 (core, applicator, validation, meta-data, format, content, unevaluated) and OAS 3.1. */
    static final Set<String> SCHEMA_KEYWORDS = Set.of("$schema", "$id", "$ref", "$anchor", "$dynamicRef",
            "$dynamicAnchor", "$defs", "$comment", "$vocabulary", "allOf", "anyOf", "oneOf", "not", "if", "then",
            "else", "dependentSchemas", "prefixItems", "items", "contains", "properties", "patternProperties",
            "additionalProperties", "propertyNames", "unevaluatedItems", "unevaluatedProperties", "type", "enum",
            "const", "multipleOf", "maximum", "exclusiveMaximum", "minimum", "exclusiveMinimum", "maxLength",
            "minLength", "pattern", "maxItems", "minItems", "uniqueItems", "maxContains", "minContains",
            "maxProperties", "minProperties", "required", "dependentRequired", "title", "description", "default",
            "deprecated", "readOnly", "writeOnly", "examples", "format", "contentEncoding", "contentMediaType",
            "contentSchema", "discriminator", "xml", "externalDocs", "example");

    static String text() throws IOException {
        try (InputStream in = OpenApiParserTest.class.getResourceAsStream("/openapi.yaml")) {
            assertNotNull(in, "openapi.yaml on the class path");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void swagger_parser_reads_it_as_openapi_3_1_with_no_message() throws Exception {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        options.setValidateInternalRefs(true);
        SwaggerParseResult result = new OpenAPIV3Parser().readContents(text(), null, options);
        assertEquals(List.of(), result.getMessages(), "swagger-parser messages");
        assertNotNull(result.getOpenAPI());
        assertEquals("3.1.0", result.getOpenAPI().getOpenapi());
        assertEquals(OpenApiDocument.load().operations().size(), result.getOpenAPI().getPaths().values().stream()
                .mapToInt(p -> p.readOperations().size()).sum(), "every operation read");
    }

    @Test
    void every_schema_uses_only_json_schema_and_openapi_keywords() {
        JsonNode root = OpenApiDocument.load().root;
        List<String> unknown = new ArrayList<>();
        root.at("/components/schemas").fields().forEachRemaining(e ->
                schema(e.getValue(), "#/components/schemas/" + e.getKey(), unknown));
        walk(root, "#", unknown);
        assertEquals(List.of(), unknown, "keywords that are not JSON Schema 2020-12 / OpenAPI 3.1");
    }

    /** Finds the schemas outside components: under every {@code schema} (parameters, media types, headers). */
    private static void walk(JsonNode node, String where, List<String> unknown) {
        node.fields().forEachRemaining(e -> {
            String at = where + "/" + e.getKey();
            if ((e.getKey().equals("schema") || e.getKey().equals("x-item-schema")) && e.getValue().isObject()) {
                schema(e.getValue(), at, unknown);
            } else if (e.getValue().isContainerNode() && !e.getKey().equals("schemas")) {
                walk(e.getValue(), at, unknown);
            }
        });
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                walk(node.get(i), where + "/" + i, unknown);
            }
        }
    }

    private static void schema(JsonNode schema, String where, List<String> unknown) {
        if (!schema.isObject()) {
            return;
        }
        schema.fields().forEachRemaining(e -> {
            String key = e.getKey();
            String at = where + "/" + key;
            if (!SCHEMA_KEYWORDS.contains(key) && !key.startsWith("x-")) {
                unknown.add(at);
                return;
            }
            JsonNode value = e.getValue();
            switch (key) {
                case "properties", "patternProperties", "$defs", "dependentSchemas" ->
                        value.fields().forEachRemaining(p -> schema(p.getValue(), at + "/" + p.getKey(), unknown));
                case "allOf", "anyOf", "oneOf", "prefixItems" -> {
                    for (int i = 0; i < value.size(); i++) {
                        schema(value.get(i), at + "/" + i, unknown);
                    }
                }
                case "items", "not", "if", "then", "else", "contains", "additionalProperties", "propertyNames",
                     "unevaluatedItems", "unevaluatedProperties", "contentSchema" -> schema(value, at, unknown);
                default -> {
                }
            }
        });
    }
}
