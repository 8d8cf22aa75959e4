package dev.ticket.client;

import dev.ticket.model.Problem;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/** Turns an error answer (problem+json or anything else) into the matching typed exception. */
final class Problems {
    private Problems() {
    }

    static ApiException toException(URI server, int status, String contentType, byte[] body) {
        if (foreign(status, contentType, body)) {
            return new NotATicketServiceException(server, "HTTP " + status + ", " + (contentType == null
                    ? "no content type" : contentType.replaceFirst(";.*", "")));
        }
        Problem problem = parse(status, contentType, body);
        String message = sentence(problem);
        if (status == 409 && kindIs(problem, "ticket-closed")) {
            return new TicketClosedException(message, problem);
        }
        if (status == 507) { // not retried: space frees by someone's hand, not by waiting a few seconds
            // our service's detail already says so ("The service is out of disk space and ..."): not twice
            String detail = message.toLowerCase(java.util.Locale.ROOT).contains("out of disk space")
                    ? Character.toLowerCase(message.charAt(0)) + message.substring(1)
                    : "the service is out of disk space: " + message;
            return new UnavailableException(detail, problem, null);
        }
        switch (status) {
            case 400: case 413: case 415: case 422:
                return new InvalidRequestException(message, problem);
            case 401: case 403:
                return new NotAuthorizedException(authSentence(status, problem), problem);
            case 404:
                return new NotFoundException(message, problem);
            default:
                if (status >= 500 || status == 429) {
                    return new UnavailableException("the service is failing: " + message, problem, null);
                }
                return new ApiException(message, problem);
        }
    }

    /**
     * True for an answer no ticket service gives: a redirect, or a refusal that is not a problem document (a
     * ticket service answers every refusal with one, its 404s included). Not for 5xx, 429, 408 or 413, which a
     * proxy in front of a real service may well send as a web page of its own.
     */
    static boolean foreign(int status, String contentType, byte[] body) {
        if (status >= 300 && status < 400) {
            return true;
        }
        if (status == 501 && !isJson(contentType)) {
            return true; // a plain web server asked to POST: no ticket service leaves an operation unimplemented
        }
        if (status < 400 || status >= 500 || status == 429 || status == 408 || status == 413) {
            return false;
        }
        if (!isJson(contentType)) {
            return true;
        }
        try {
            Problem p = ClientJson.read(body, Problem.class);
            return p == null || (p.type() == null && p.title() == null);
        } catch (IOException | RuntimeException e) {
            return true;
        }
    }

    /** {@code application/json}, {@code application/problem+json} and the like. */
    static boolean isJson(String contentType) {
        String type = contentType == null ? "" : contentType.replaceFirst(";.*", "").strip().toLowerCase(
                java.util.Locale.ROOT);
        return type.equals("application/json") || (type.startsWith("application/") && type.endsWith("+json"));
    }

    static Problem parse(int status, String contentType, byte[] body) {
        if (contentType != null && contentType.contains("json") && body.length > 0) {
            try {
                Problem p = ClientJson.read(body, Problem.class);
                if (p != null) {
                    return new Problem(p.type(), p.title(), p.status() == 0 ? status : p.status(), p.detail(),
                            p.instance(), p.requestId());
                }
            } catch (IOException e) {
                // fall through: not a problem document
            }
        }
        String text = new String(body, StandardCharsets.UTF_8).strip();
        if (text.length() > 200 || text.startsWith("<")) {
            text = "";
        }
        return new Problem(null, "HTTP " + status, status, text.isEmpty() ? null : text, null);
    }

    /** A new id for a request the client sends (X-Request-Id): 64 random bits as 16 hex digits. */
    static String newRequestId() {
        String hex = Long.toHexString(java.util.concurrent.ThreadLocalRandom.current().nextLong());
        return "0".repeat(16 - hex.length()) + hex;
    }

    static boolean kindIs(Problem problem, String kind) {
        String type = problem.type();
        return type != null && (type.equals(kind) || type.endsWith("/" + kind));
    }

    /** One sentence for a user: the detail if the service gave one, else the title. */
    static String sentence(Problem problem) {
        if (problem.detail() != null && !problem.detail().isBlank()) {
            return problem.detail().strip();
        }
        if (problem.title() != null && !problem.title().isBlank()) {
            return problem.title().strip();
        }
        return "HTTP " + problem.status();
    }

    private static String authSentence(int status, Problem problem) {
        String why = sentence(problem);
        return status == 401 ? "not authenticated: " + why : "not allowed: " + why;
    }
}
