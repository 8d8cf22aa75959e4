package dev.ticket.server;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import dev.ticket.model.Json;
import dev.ticket.model.Wire;
import dev.ticket.service.Caller;
import dev.ticket.service.ServiceException;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.regex.Pattern;

/** Reading requests: the caller, ids, query parameters and JSON bodies, with clear refusals. */
final class Requests {
    static final String CALLER = "ticket.caller";
    /** The largest JSON body accepted; files go as multipart, under their own limit. */
    static final int MAX_JSON_BYTES = 1024 * 1024;
    /** Syntax: one JSON value, no key twice in an object. */
    private static final ObjectReader TREE = Json.mapper().reader()
            .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .with(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    private static final ObjectReader BINDER = StrictJson.reader();

    private Requests() {
    }

    static Caller caller(Context ctx) {
        return ctx.attribute(CALLER);
    }

    static long id(Context ctx) {
        return id(ctx.pathParam("id"), "id", false);
    }

    /**
     * An id as the API writes it (rules.md, contract): 1 to 18 ASCII digits, nothing else: no sign, no {@code #}, no other
     * script's digits ({@code Long.parseLong} takes "١" as 1). Anything else is 400.
     */
    static long id(String raw, String name, boolean zeroAllowed) {
        if (raw != null && ID.matcher(raw).matches()) {
            long id = Long.parseLong(raw);
            if (id > 0 || zeroAllowed) {
                return id;
            }
        }
        throw new ServiceException(ServiceException.Kind.BAD_REQUEST, (name.equals("id") ? "" : name + ": ")
                + "'" + printable(raw) + "' is not an id; an id is 1 to 18 digits 0-9.");
    }

    private static final Pattern ID = Pattern.compile("[0-9]{1,18}");

    static boolean isMultipart(Context ctx) {
        String type = ctx.contentType();
        return type != null && type.toLowerCase(Locale.ROOT).startsWith("multipart/form-data");
    }

    /**
     * A JSON body of the given type, read whole up to {@link #MAX_JSON_BYTES}: syntax errors (bad UTF-8,
     * trailing garbage, not an object) are 400, fields that do not fit the record 422, and unknown fields are
     * refused so that typos do not pass silently.
     */
    static <T> T json(Context ctx, Class<T> type) throws IOException {
        String contentType = ctx.contentType();
        if (contentType == null || !contentType.toLowerCase(Locale.ROOT).startsWith("application/json")) {
            throw new ServiceException(ServiceException.Kind.UNSUPPORTED_MEDIA_TYPE,
                    "Send the body as application/json" + (type.getSimpleName().equals("NewTicket")
                            || type.getSimpleName().equals("NewMessage") ? " or multipart/form-data." : "."));
        }
        JsonNode tree = tree(body(ctx));
        if (tree.isNull()) {
            throw new ServiceException(ServiceException.Kind.BAD_REQUEST, "The body is null; send a JSON object.");
        }
        if (!tree.isObject()) {
            throw new ServiceException(ServiceException.Kind.BAD_REQUEST,
                    "The body is a JSON " + tree.getNodeType().name().toLowerCase(Locale.ROOT)
                            + "; send a JSON object.");
        }
        StrictJson.checkShape(tree, type);
        return BINDER.forType(type).readValue(tree);
    }

    private static JsonNode tree(byte[] body) {
        try {
            JsonNode tree = TREE.readTree(body);
            if (tree == null || tree.isMissingNode()) {
                throw new ServiceException(ServiceException.Kind.BAD_REQUEST, "The body is empty; send a JSON object.");
            }
            return tree;
        } catch (JsonProcessingException e) {
            throw new ServiceException(ServiceException.Kind.BAD_REQUEST, Problems.syntax(e));
        } catch (IOException e) {
            throw new ServiceException(ServiceException.Kind.BAD_REQUEST, "The body could not be read.");
        }
    }

    /** The whole body, refused with 413 past the limit whether or not it declared its length. */
    private static byte[] body(Context ctx) throws IOException {
        try (InputStream in = ctx.bodyInputStream()) {
            if (ctx.req().getContentLengthLong() > MAX_JSON_BYTES) {
                throw Problems.answerEarly(ctx, in, tooLarge());
            }
            byte[] body = in.readNBytes(MAX_JSON_BYTES + 1);
            if (body.length > MAX_JSON_BYTES) {
                throw Problems.answerEarly(ctx, in, tooLarge());
            }
            return body;
        }
    }

    private static ServiceException tooLarge() {
        return new ServiceException(ServiceException.Kind.TOO_LARGE,
                "The JSON body is larger than 1 MiB; send files as multipart/form-data attachments.");
    }

    static <E extends Enum<E>> E enumParam(Context ctx, String name, Class<E> type) {
        String raw = ctx.queryParam(name);
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return Wire.parse(type, raw);
        } catch (IllegalArgumentException e) {
            throw ServiceException.validation(name + ": " + printable(e.getMessage()) + ".");
        }
    }

    static Integer intParam(Context ctx, String name) {
        String raw = ctx.queryParam(name);
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String digits = raw.strip();
        if (digits.length() <= 9 && ID.matcher(digits).matches()) {
            return Integer.parseInt(digits);
        }
        throw ServiceException.validation(name + " must be a whole number, not '" + printable(raw) + "'.");
    }

    static boolean boolParam(Context ctx, String name) {
        String raw = ctx.queryParam(name);
        if (raw == null || raw.isBlank()) {
            return false;
        }
        return switch (raw.strip().toLowerCase(Locale.ROOT)) {
            case "true", "1", "yes" -> true;
            case "false", "0", "no" -> false;
            default -> throw ServiceException.validation(name + " must be true or false.");
        };
    }

    static String printable(String text) {
        String value = text == null ? "" : text.replaceAll("\\p{Cc}", "?");
        return value.length() > 80 ? value.substring(0, 80) + "…" : value;
    }
}
