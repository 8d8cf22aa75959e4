package dev.ticket.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import com.networknt.schema.oas.OpenApi31;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Holds recorded HTTP exchanges against the shipped {@code openapi.yaml} with an independent JSON Schema
 * validator (networknt json-schema-validator, draft 2020-12 with the OpenAPI 3.1 dialect, formats asserted):
 * the operation exists; path, query and header parameters fit their schemas and no undocumented query
 * parameter is sent; the request body's media type is documented and its content validates (JSON, and
 * multipart/form-data fields); the status is documented; the response's media type is the documented one and
 * its body validates (JSON documents, and each event of a stream); documented headers fit their schemas.
 */
public final class OpenApiContract {
    static {
        // the document root is not a schema: networknt warns of its keywords (openapi, paths...) once each
        System.setProperty("org.slf4j.simpleLogger.log.com.networknt", "error");
    }

    private static final String DOCUMENT = "classpath:openapi.yaml";
    private final JsonNode root;
    private final JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012,
            b -> b.metaSchema(OpenApi31.getInstance()).defaultMetaSchemaIri(OpenApi31.getInstance().getIri()));
    private final SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true)
            .build();
    private final Map<String, JsonSchema> schemas = new ConcurrentHashMap<>();
    private final ObjectMapper json = new ObjectMapper();
    /** {@code METHOD /template} of every operation an exchange was matched to. */
    private final Set<String> covered = new TreeSet<>();

    public OpenApiContract() {
        try (InputStream in = OpenApiContract.class.getResourceAsStream("/openapi.yaml")) {
            root = new ObjectMapper(new YAMLFactory()).readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Set<String> covered() {
        return covered;
    }

    /** Every way {@code exchange} departs from the document; empty when it conforms. */
    public List<String> violations(RecordingProxy.Exchange exchange) {
        List<String> found = new ArrayList<>();
        String where = exchange.method() + " " + exchange.target() + " (" + exchange.status() + ")";
        String path = exchange.target().replaceFirst("\\?.*", "");
        String query = exchange.target().contains("?") ? exchange.target().substring(exchange.target().indexOf('?') + 1)
                : "";
        Map.Entry<String, Map<String, String>> template = template(path);
        if (template == null) {
            found.add(where + ": no path of the document matches");
            return found;
        }
        String method = exchange.method().toLowerCase(Locale.ROOT);
        String opPointer = "/paths/" + escape(template.getKey()) + "/" + method;
        JsonNode op = root.at(opPointer);
        if (op.isMissingNode()) {
            found.add(where + ": the document has no " + exchange.method() + " " + template.getKey());
            return found;
        }
        covered.add(exchange.method() + " " + template.getKey());
        parameters(exchange, opPointer, template.getValue(), query, where, found);
        requestBody(exchange, opPointer, where, found);
        response(exchange, opPointer, where, found);
        return found;
    }

    private Map.Entry<String, Map<String, String>> template(String rawPath) {
        for (Iterator<String> it = root.get("paths").fieldNames(); it.hasNext(); ) {
            String candidate = it.next();
            List<String> names = new ArrayList<>();
            Matcher vars = Pattern.compile("\\{([^}]+)}").matcher(candidate);
            StringBuilder regex = new StringBuilder();
            int last = 0;
            while (vars.find()) {
                regex.append(Pattern.quote(candidate.substring(last, vars.start()))).append("([^/]+)");
                names.add(vars.group(1));
                last = vars.end();
            }
            regex.append(Pattern.quote(candidate.substring(last)));
            Matcher m = Pattern.compile(regex.toString()).matcher(rawPath);
            if (m.matches()) {
                Map<String, String> values = new LinkedHashMap<>();
                for (int i = 0; i < names.size(); i++) {
                    values.put(names.get(i), URLDecoder.decode(m.group(i + 1).replace("+", "%2B"),
                            StandardCharsets.UTF_8));
                }
                return Map.entry(candidate, values);
            }
        }
        return null;
    }

    private void parameters(RecordingProxy.Exchange exchange, String opPointer, Map<String, String> pathValues,
                            String rawQuery, String where, List<String> found) {
        Map<String, List<String>> query = new LinkedHashMap<>();
        for (String pair : rawQuery.isEmpty() ? new String[0] : rawQuery.split("&")) {
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            query.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
        }
        Set<String> documentedQuery = new TreeSet<>();
        JsonNode params = root.at(opPointer + "/parameters");
        for (int i = 0; i < params.size(); i++) {
            String pointer = opPointer + "/parameters/" + i;
            JsonNode param = params.get(i);
            if (param.has("$ref")) {
                pointer = param.get("$ref").asText().substring(1);
                param = root.at(pointer);
            }
            String name = param.get("name").asText();
            String in = param.get("in").asText();
            String value = switch (in) {
                case "path" -> pathValues.get(name);
                case "query" -> {
                    documentedQuery.add(name);
                    List<String> values = query.get(name);
                    if (values != null && values.size() > 1) {
                        found.add(where + ": query parameter " + name + " sent " + values.size() + " times");
                    }
                    yield values == null ? null : values.get(0);
                }
                case "header" -> exchange.requestHeader(name);
                default -> null;
            };
            if (value == null) {
                if (param.path("required").asBoolean(false)) {
                    found.add(where + ": required " + in + " parameter " + name + " is missing");
                }
                continue;
            }
            JsonNode schema = root.at(pointer + "/schema");
            check(pointer + "/schema", typed(schema, value), where + " " + in + " parameter " + name, found);
        }
        for (String name : query.keySet()) {
            if (!documentedQuery.contains(name)) {
                found.add(where + ": query parameter " + name + " is not in the document");
            }
        }
    }

    private void requestBody(RecordingProxy.Exchange exchange, String opPointer, String where, List<String> found) {
        JsonNode body = root.at(opPointer + "/requestBody");
        byte[] bytes = exchange.requestBody();
        if (body.isMissingNode()) {
            if (bytes.length > 0) {
                found.add(where + ": sends a body, the operation takes none");
            }
            return;
        }
        if (bytes.length == 0) {
            if (body.path("required").asBoolean(false)) {
                found.add(where + ": the required request body is missing");
            }
            return;
        }
        String contentType = String.valueOf(exchange.requestHeader("Content-Type"));
        String media = mediaType(contentType);
        String mediaPointer = opPointer + "/requestBody/content/" + escape(media);
        if (root.at(mediaPointer).isMissingNode()) {
            found.add(where + ": request body sent as " + media + ", which the document does not list");
            return;
        }
        JsonNode value;
        if (media.equals("application/json")) {
            value = parse(bytes, where + " request body", found);
        } else if (media.equals("multipart/form-data")) {
            value = form(root.at(mediaPointer + "/schema"), contentType, bytes, where, found);
        } else {
            return;
        }
        if (value != null) {
            check(mediaPointer + "/schema", value, where + " request body", found);
        }
    }

    private void response(RecordingProxy.Exchange exchange, String opPointer, String where, List<String> found) {
        String status = String.valueOf(exchange.status());
        String pointer = opPointer + "/responses/" + status;
        JsonNode response = root.at(pointer);
        if (response.isMissingNode()) {
            pointer = opPointer + "/responses/" + status.charAt(0) + "XX";
            response = root.at(pointer);
        }
        if (response.isMissingNode()) {
            pointer = opPointer + "/responses/default";
            response = root.at(pointer);
        }
        if (response.isMissingNode()) {
            found.add(where + ": status " + status + " is not documented for this operation");
            return;
        }
        if (response.has("$ref")) {
            pointer = response.get("$ref").asText().substring(1);
            response = root.at(pointer);
        }
        String finalPointer = pointer;
        response.path("headers").fields().forEachRemaining(h -> {
            String value = exchange.responseHeader(h.getKey());
            if (value == null) {
                if (h.getValue().path("required").asBoolean(false)) {
                    found.add(where + ": required response header " + h.getKey() + " is missing");
                }
                return;
            }
            String schemaPointer = finalPointer + "/headers/" + escape(h.getKey()) + "/schema";
            check(schemaPointer, typed(root.at(schemaPointer), value), where + " header " + h.getKey(), found);
        });
        JsonNode content = response.path("content");
        byte[] bytes = exchange.responseBody();
        String contentType = exchange.responseHeader("Content-Type");
        if (content.isMissingNode() || content.isEmpty()) {
            if (bytes.length > 0) {
                found.add(where + ": a body is sent where the document describes none");
            }
            return;
        }
        if (contentType == null) {
            found.add(where + ": no Content-Type; the document says " + fieldNames(content));
            return;
        }
        String media = mediaType(contentType);
        String documented = content.has(media) ? media
                : content.has(media.replaceFirst("/.*", "/*")) ? media.replaceFirst("/.*", "/*")
                : content.has("*/*") ? "*/*" : null;
        if (documented == null) {
            found.add(where + ": answered as " + media + ", the document says " + fieldNames(content));
            return;
        }
        String mediaPointer = pointer + "/content/" + escape(documented);
        JsonNode mediaNode = root.at(mediaPointer);
        if (media.equals("text/event-stream")) {
            String text = new String(bytes, StandardCharsets.UTF_8);
            int end = text.lastIndexOf("\n\n");
            for (String frame : end < 0 ? new String[0] : text.substring(0, end).split("\n\n")) {
                StringBuilder data = new StringBuilder();
                frame.lines().filter(l -> l.startsWith("data:")).forEach(l -> data.append(l.substring(5).strip()));
                if (data.length() > 0 && mediaNode.has("x-item-schema")) {
                    JsonNode event = parse(data.toString().getBytes(StandardCharsets.UTF_8), where + " event", found);
                    if (event != null) {
                        check(mediaPointer + "/x-item-schema", event, where + " event", found);
                    }
                }
            }
        } else if (media.endsWith("json")) {
            JsonNode value = parse(bytes, where + " response body", found);
            if (value != null) {
                check(mediaPointer + "/schema", value, where + " response body", found);
            }
        }
    }

    private void check(String pointer, JsonNode value, String what, List<String> found) {
        JsonSchema schema = schemas.computeIfAbsent(pointer, p -> factory.getSchema(
                SchemaLocation.of(DOCUMENT + "#" + p.replace("{", "%7B").replace("}", "%7D")), config));
        for (ValidationMessage message : schema.validate(value)) {
            found.add(what + ": " + message.getMessage() + " (value " + abbreviate(value.toString()) + ")");
        }
    }

    /** A parameter's text as the JSON value its schema describes (a number or flag when it reads as one). */
    private JsonNode typed(JsonNode schema, String value) {
        JsonNode resolved = schema.has("$ref") ? root.at(schema.get("$ref").asText().substring(1)) : schema;
        String type = resolved.path("type").asText("");
        if (type.equals("integer") && value.matches("-?[0-9]{1,18}")) {
            return JsonNodeFactory.instance.numberNode(Long.parseLong(value));
        }
        if (type.equals("boolean") && (value.equals("true") || value.equals("false"))) {
            return JsonNodeFactory.instance.booleanNode(Boolean.parseBoolean(value));
        }
        return JsonNodeFactory.instance.textNode(value);
    }

    /** The text fields and files of a multipart body as the JSON object its schema describes. */
    private JsonNode form(JsonNode declared, String contentType, byte[] body, String where, List<String> found) {
        JsonNode schema = declared.has("$ref") ? root.at(declared.get("$ref").asText().substring(1)) : declared;
        Matcher boundaryMatch = Pattern.compile("boundary=\"?([^\";]+)\"?").matcher(contentType);
        if (!boundaryMatch.find()) {
            found.add(where + ": multipart body without a boundary");
            return null;
        }
        String text = new String(body, StandardCharsets.ISO_8859_1);
        String delimiter = "--" + boundaryMatch.group(1);
        ObjectNode fields = JsonNodeFactory.instance.objectNode();
        String[] parts = text.split(Pattern.quote(delimiter));
        for (int i = 1; i < parts.length; i++) {
            String part = parts[i];
            if (part.startsWith("--")) {
                break;
            }
            int headersEnd = part.indexOf("\r\n\r\n");
            if (headersEnd < 0) {
                found.add(where + ": a multipart part without a blank line after its headers");
                continue;
            }
            String headers = new String(part.substring(0, headersEnd).getBytes(StandardCharsets.ISO_8859_1),
                    StandardCharsets.UTF_8);
            String content = part.substring(headersEnd + 4).replaceFirst("\r\n$", "");
            Matcher name = Pattern.compile("(?i)content-disposition:\\s*form-data;.*?\\bname=\"([^\"]*)\"")
                    .matcher(headers);
            if (!name.find()) {
                found.add(where + ": a multipart part without a form-data name: " + headers);
                continue;
            }
            String field = name.group(1);
            boolean file = headers.contains("filename=");
            String value = file ? "(file)" : new String(content.getBytes(StandardCharsets.ISO_8859_1),
                    StandardCharsets.UTF_8);
            boolean array = "array".equals(schema.path("properties").path(field).path("type").asText(""));
            if (array) {
                if (!fields.has(field)) {
                    fields.putArray(field);
                }
                ((ArrayNode) fields.get(field)).add(value);
            } else if (fields.has(field)) {
                found.add(where + ": form field " + field + " sent twice");
            } else {
                fields.put(field, value);
            }
        }
        return fields;
    }

    private JsonNode parse(byte[] bytes, String what, List<String> found) {
        try {
            return json.readTree(bytes);
        } catch (IOException e) {
            found.add(what + " is not JSON: " + abbreviate(new String(bytes, StandardCharsets.UTF_8)));
            return null;
        }
    }

    private static String mediaType(String contentType) {
        return contentType.replaceFirst(";.*", "").strip().toLowerCase(Locale.ROOT);
    }

    private static String escape(String key) {
        return key.replace("~", "~0").replace("/", "~1");
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static String abbreviate(String text) {
        return text.length() > 200 ? text.substring(0, 200) + "…" : text;
    }
}
