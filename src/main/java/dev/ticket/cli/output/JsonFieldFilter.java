package dev.ticket.cli.output;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import dev.ticket.model.Json;
import java.io.IOException;
import java.io.StringWriter;
import java.util.Collection;

/**
 * Keeps only some top-level fields of a JSON document (of each element, when it is an array), with Jackson's
 * streaming parser and generator: no mapper and no tree, so {@code --json FIELDS} costs what {@code --json} does.
 * Nested values are copied whole ({@code author} stays an object). The document's own field order is kept.
 */
final class JsonFieldFilter {
    private JsonFieldFilter() {
    }

    /** {@code json} with only {@code fields} (all when empty), pretty-printed as --json prints or compact. */
    static String keep(byte[] json, Collection<String> fields, boolean pretty) throws IOException {
        StringWriter out = new StringWriter();
        try (JsonParser p = Json.factory().createParser(json);
             JsonGenerator g = Json.factory().createGenerator(out)) {
            if (pretty) {
                g.setPrettyPrinter(new DefaultPrettyPrinter());
            }
            JsonToken first = p.nextToken();
            if (first == JsonToken.START_ARRAY) {
                g.writeStartArray();
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    object(p, g, fields);
                }
                g.writeEndArray();
            } else if (first != null) {
                object(p, g, fields);
            }
        }
        return out.toString();
    }

    private static void object(JsonParser p, JsonGenerator g, Collection<String> fields) throws IOException {
        if (p.currentToken() != JsonToken.START_OBJECT || fields.isEmpty()) {
            g.copyCurrentStructure(p);
            return;
        }
        g.writeStartObject();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            p.nextToken();
            if (fields.contains(name)) {
                g.writeFieldName(name);
                g.copyCurrentStructure(p);
            } else {
                p.skipChildren();
            }
        }
        g.writeEndObject();
    }
}
