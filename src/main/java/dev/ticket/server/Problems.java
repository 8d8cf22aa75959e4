package dev.ticket.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import dev.ticket.model.Json;
import dev.ticket.model.Problem;
import dev.ticket.service.ServiceException;
import io.javalin.http.Context;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;

/** Turns refusals into RFC 9457 problem details with a stable {@code type} per kind. */
final class Problems {
    static final String CONTENT_TYPE = "application/problem+json";
    /** The request attribute naming the kind of problem it was answered with. */
    static final String TYPE = "ticket.problem-type";

    private Problems() {
    }

    static void send(Context ctx, int status, String type, String title, String detail) {
        send(ctx, new Problem(type, title, status, detail, Requests.printable(ctx.path())));
    }

    static void send(Context ctx, Problem answer) {
        String id = RequestIds.of(ctx);
        Problem problem = answer.withRequestId(id);
        ctx.status(problem.status()).contentType(CONTENT_TYPE);
        ctx.header(RequestIds.HEADER, id);
        ctx.attribute(TYPE, problem.type()); // the metrics count refusals by it
        if (problem.status() == 401) {
            ctx.header("WWW-Authenticate", "Bearer");
        }
        if (problem.status() == 503 && ctx.res().getHeader(RETRY_AFTER) == null) {
            ctx.header(RETRY_AFTER, String.valueOf(DEFAULT_RETRY_AFTER_SECONDS)); // every 503 says when to retry
        }
        ctx.result(bytes(problem));
    }

    static final String RETRY_AFTER = "Retry-After";
    /** What a 503 without a better estimate tells the client to wait. */
    static final long DEFAULT_RETRY_AFTER_SECONDS = 5;

    static byte[] bytes(Problem problem) {
        try {
            return Json.mapper().writeValueAsBytes(problem);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static void service(ServiceException e, Context ctx) {
        if (e.retryAfterSeconds() > 0) {
            ctx.header(RETRY_AFTER, String.valueOf(e.retryAfterSeconds()));
        }
        send(ctx, of(e, ctx.path()));
    }

    static Problem of(ServiceException e, String path) {
        String where = Requests.printable(path);
        String m = e.getMessage();
        return switch (e.kind()) {
            case BAD_REQUEST -> new Problem("bad-request", "Bad request", 400, m, where);
            case VALIDATION -> new Problem("validation", "Invalid input", 422, m, where);
            case UNAUTHORIZED -> new Problem("unauthorized", "Not authenticated", 401, m, where);
            case FORBIDDEN -> new Problem("forbidden", "Not allowed", 403, m, where);
            case NOT_FOUND -> new Problem("not-found", "Not found", 404, m, where);
            case TICKET_CLOSED -> new Problem("ticket-closed", "Ticket is done", 409, m, where);
            case IDEMPOTENCY_CONFLICT -> new Problem("idempotency-conflict", "Idempotency key reused", 422, m, where);
            case TOO_LARGE -> new Problem("too-large", "Too large", 413, m, where);
            case UNSUPPORTED_MEDIA_TYPE -> new Problem("unsupported-media-type", "Unsupported media type", 415, m,
                    where);
            case UNAVAILABLE -> new Problem("unavailable", "Service unavailable", 503, m, where);
            case QUOTA_EXCEEDED -> new Problem("quota-exceeded", "Attachment quota exceeded", 413, m, where);
            case RATE_LIMITED -> new Problem("rate-limited", "Too many writes", 429, m, where);
            case TOO_MANY_FAILURES -> new Problem("too-many-failures", "Too many failed authentications", 429, m,
                    where);
            case INSUFFICIENT_STORAGE -> new Problem("insufficient-storage", "Insufficient storage", 507, m, where);
            case NOT_IMPLEMENTED -> new Problem("not-implemented", "Not implemented here", 501, m, where);
        };
    }

    /** Refusals decided by HTTP itself (routing, Jetty's parser) rather than by the service. */
    static Problem forStatus(int status, String method, String path, String reason) {
        String where = Requests.printable(path);
        return switch (status) {
            case 400 -> new Problem("bad-request", "Bad request", 400,
                    "The request is not valid HTTP" + (reason == null ? "." : " (" + sentence(reason) + ")."), where);
            case 404 -> new Problem("not-found", "Not found", 404,
                    "There is no " + method + " " + where + " in this API.", where);
            case 405 -> new Problem("method-not-allowed", "Method not allowed", 405,
                    method + " is not allowed on " + where + ".", where);
            case 413 -> new Problem("too-large", "Too large", 413, "The body is larger than this service accepts.",
                    where);
            case 414 -> new Problem("uri-too-long", "URI too long", 414,
                    "The address is too long; keep the path and query (search text included) under 8 KiB.", where);
            case 408 -> new Problem("request-timeout", "Request timeout", 408,
                    "The request did not arrive in time: headers must be complete within the header timeout and a "
                            + "body must keep the minimum rate; the connection is closed.", where);
            case 415 -> new Problem("unsupported-media-type", "Unsupported media type", 415,
                    "The body's content type is not one this route takes.", where);
            case 505 -> new Problem("http-version-not-supported", "HTTP version not supported", 505,
                    "This service speaks HTTP/1.0 and HTTP/1.1.", where);
            case 503 -> new Problem("unavailable", "Service unavailable", 503,
                    "The service is busy or stopping; try again shortly.", where);
            case 431 -> new Problem("header-too-large", "Request header fields too large", 431,
                    "A request header is too large; keep all headers under 8 KiB.", where);
            default -> new Problem("http-" + status, "HTTP " + status, status,
                    reason == null ? "The request was refused (HTTP " + status + ")." : sentence(reason) + ".", where);
        };
    }

    /** A multipart body Jetty could not parse: text fields over the limit, or a malformed body. */
    static Problem multipart(Throwable e, String path) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        if (String.valueOf(root.getMessage()).contains("larger than max length")) {
            return new Problem("too-large", "Too large", 413, "The form's text fields are larger than 1 MiB; "
                    + "send long text as a file part.", Requests.printable(path));
        }
        return new Problem("bad-request", "Bad request", 400, "The multipart/form-data body is malformed; send "
                + "complete parts separated by the boundary its Content-Type names.", Requests.printable(path));
    }

    /**
     * Bodies that parse as JSON but do not fit the record the route takes (rules.md, contract): an unknown field or a value
     * of the wrong JSON type is 400 {@code bad-request}; a value of the right type that is not accepted (a type
     * that is not one of the three, a number out of range) is 422 {@code validation}.
     */
    static void json(JsonProcessingException e, Context ctx) {
        if (e instanceof UnrecognizedPropertyException u) {
            send(ctx, 400, "bad-request", "Bad request", UNKNOWN_FIELD + u.getPropertyName()
                    + "'; this service does not take it.");
        } else if (e instanceof ValueInstantiationException
                || (e instanceof InvalidFormatException && e.getCause() instanceof IllegalArgumentException)) {
            Throwable cause = e.getCause() instanceof IllegalArgumentException ? e.getCause() : null;
            String reason = cause != null ? cause.getMessage() : "has the wrong format";
            send(ctx, 422, "validation", "Invalid input", field((JsonMappingException) e) + ": " + reason + ".");
        } else if (e instanceof JsonMappingException m && m.getCause() instanceof InputCoercionException) {
            send(ctx, 422, "validation", "Invalid input", field(m) + ": the number is out of range.");
        } else if (e instanceof InputCoercionException c) {
            send(ctx, 422, "validation", "Invalid input", pointer(c) + ": the number is out of range.");
        } else if (e instanceof JsonMappingException m) {
            send(ctx, 400, "bad-request", "Bad request", field(m) + " has the wrong JSON type" + expected(m) + ".");
        } else {
            send(ctx, 400, "bad-request", "Malformed JSON", syntax(e));
        }
    }

    /** How a refusal of an unknown field begins; the CLI reads it to say that the service is older than it. */
    static final String UNKNOWN_FIELD = "Unknown field '";

    private static String expected(JsonMappingException e) {
        if (e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            Class<?> target = mismatch.getTargetType();
            if (target == String.class || target.isEnum()) {
                return "; send a JSON string";
            }
            if (Number.class.isAssignableFrom(target) || target == long.class || target == int.class) {
                return "; send a whole number";
            }
            if (java.util.Collection.class.isAssignableFrom(target)) {
                return "; send a JSON array";
            }
        }
        return "";
    }

    /** One sentence on why a body is not JSON at all, without parser internals. */
    static String syntax(JsonProcessingException e) {
        if (e instanceof StreamConstraintsException) {
            return "The JSON body nests too deeply or has values too long to read.";
        }
        String message = firstLine(e.getOriginalMessage());
        if (message.startsWith("Trailing token")) {
            return "The body has more after its JSON value; send exactly one JSON object.";
        }
        if (message.contains("UTF-8") || message.contains("UTF8") || message.contains("surrogate")) {
            return "The body is not valid UTF-8 (" + message + ").";
        }
        return "The body is not valid JSON (" + message + ").";
    }

    private static String field(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference r : e.getPath()) {
            if (r.getFieldName() != null) {
                path.append(path.length() == 0 ? "" : ".").append(r.getFieldName());
            } else {
                path.append('[').append(r.getIndex()).append(']');
            }
        }
        return path.length() == 0 ? "body" : path.toString();
    }

    private static String pointer(InputCoercionException e) {
        com.fasterxml.jackson.core.JsonParser p = e.getProcessor();
        if (p != null && p.getParsingContext() != null) {
            String path = p.getParsingContext().pathAsPointer().toString()
                    .replaceAll("/([0-9]+)", "[$1]").replace('/', '.');
            return path.isEmpty() ? "body" : path.startsWith(".") ? path.substring(1) : path;
        }
        return "a number";
    }

    private static String sentence(String text) {
        String line = firstLine(text);
        return line.endsWith(".") ? line.substring(0, line.length() - 1) : line;
    }

    private static String firstLine(String text) {
        if (text == null) {
            return "unreadable";
        }
        String line = text.lines().findFirst().orElse("")
                .replaceAll(" ?\\(start marker at \\[Source.*", "")
                .replaceAll(" ?at \\[Source.*", "")
                .replaceAll("`[a-z]+(\\.[a-zA-Z0-9_$]+)+`", "value");
        return line.length() > 120 ? line.substring(0, 120) + "…" : line;
    }

    /**
     * Answers a refusal seen while the body is still arriving (a JSON body or a file over its limit, one file
     * too many) at once, then reads and drops the rest of the body for up to {@link #DRAIN_FOR}. A client that
     * watches for an early answer (curl, the CLI) reads the problem document and stops sending; were the
     * connection closed with the body unread, the kernel would reset it and the client would see "broken pipe"
     * or an empty reply instead of the 413. Returns what the handler throws to end the request.
     */
    static Answered answerEarly(Context ctx, InputStream body, ServiceException refusal) {
        Problem problem = of(refusal, ctx.path()).withRequestId(RequestIds.of(ctx));
        byte[] bytes = bytes(problem);
        HttpServletResponse res = ctx.res();
        try {
            if (refusal.retryAfterSeconds() > 0) {
                res.setHeader(RETRY_AFTER, String.valueOf(refusal.retryAfterSeconds()));
            }
            res.setStatus(problem.status());
            res.setContentType(CONTENT_TYPE);
            res.setHeader("Connection", "close");
            res.setContentLength(bytes.length);
            res.getOutputStream().write(bytes);
            res.flushBuffer();
        } catch (IOException e) {
            return new Answered(); // the client is gone
        }
        long until = System.nanoTime() + DRAIN_FOR.toNanos();
        byte[] sink = new byte[64 * 1024];
        try {
            while (System.nanoTime() < until && body.read(sink) >= 0) {
                // dropped
            }
        } catch (IOException e) {
            // the client stopped sending and closed: done
        }
        return new Answered();
    }

    /** How long the rest of a refused body is read before the connection is closed regardless. */
    static final Duration DRAIN_FOR = Duration.ofSeconds(10);

    /** The request was answered already (see {@link #answerEarly}); nothing more is written. */
    static final class Answered extends RuntimeException {
        Answered() {
            super(null, null, false, false);
        }
    }
}
