package dev.ticket.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import dev.ticket.model.Json;
import dev.ticket.model.Problem;
import dev.ticket.service.ServiceException;
import io.javalin.http.Context;
import java.util.stream.Collectors;

/** Turns refusals into RFC 9457 problem details with a stable {@code type} per kind. */
final class Problems {
    static final String CONTENT_TYPE = "application/problem+json";

    private Problems() {
    }

    static void send(Context ctx, int status, String type, String title, String detail) {
        ctx.status(status).contentType(CONTENT_TYPE);
        if (status == 401) {
            ctx.header("WWW-Authenticate", "Bearer");
        }
        try {
            ctx.result(Json.mapper().writeValueAsBytes(new Problem(type, title, status, detail, ctx.path())));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static void service(ServiceException e, Context ctx) {
        switch (e.kind()) {
            case BAD_REQUEST -> send(ctx, 400, "bad-request", "Bad request", e.getMessage());
            case VALIDATION -> send(ctx, 422, "validation", "Invalid input", e.getMessage());
            case UNAUTHORIZED -> send(ctx, 401, "unauthorized", "Not authenticated", e.getMessage());
            case FORBIDDEN -> send(ctx, 403, "forbidden", "Not allowed", e.getMessage());
            case NOT_FOUND -> send(ctx, 404, "not-found", "Not found", e.getMessage());
            case TICKET_CLOSED -> send(ctx, 409, "ticket-closed", "Ticket is done", e.getMessage());
            case IDEMPOTENCY_CONFLICT -> send(ctx, 422, "idempotency-conflict", "Idempotency key reused",
                    e.getMessage());
            case TOO_LARGE -> send(ctx, 413, "too-large", "Too large", e.getMessage());
            case UNSUPPORTED_MEDIA_TYPE -> send(ctx, 415, "unsupported-media-type", "Unsupported media type",
                    e.getMessage());
            case UNAVAILABLE -> send(ctx, 503, "unavailable", "Service unavailable", e.getMessage());
        }
    }

    /** Bodies that are not the JSON the route takes. */
    static void json(JsonProcessingException e, Context ctx) {
        if (e instanceof UnrecognizedPropertyException u) {
            send(ctx, 422, "validation", "Invalid input", "Unknown field '" + u.getPropertyName() + "'.");
        } else if (e instanceof InvalidFormatException || e instanceof ValueInstantiationException) {
            Throwable cause = e.getCause() instanceof IllegalArgumentException ? e.getCause() : null;
            String reason = cause != null ? cause.getMessage() : "has the wrong format";
            send(ctx, 422, "validation", "Invalid input", field((JsonMappingException) e) + ": " + reason + ".");
        } else if (e instanceof MismatchedInputException m && !m.getPath().isEmpty()) {
            send(ctx, 422, "validation", "Invalid input", field(m) + " has the wrong type.");
        } else {
            send(ctx, 400, "bad-request", "Malformed JSON",
                    "The body is not valid JSON (" + firstLine(e.getOriginalMessage()) + ").");
        }
    }

    private static String field(JsonMappingException e) {
        String path = e.getPath().stream()
                .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining("."));
        return path.isEmpty() ? "body" : path;
    }

    private static String firstLine(String text) {
        if (text == null) {
            return "unreadable";
        }
        String line = text.lines().findFirst().orElse("");
        return line.length() > 120 ? line.substring(0, 120) : line;
    }
}
