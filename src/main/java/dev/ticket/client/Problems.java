package dev.ticket.client;

import dev.ticket.model.Problem;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** Turns an error answer (problem+json or anything else) into the matching typed exception. */
final class Problems {
    private Problems() {
    }

    static ApiException toException(int status, String contentType, byte[] body) {
        Problem problem = parse(status, contentType, body);
        String message = sentence(problem);
        if (status == 409 && kindIs(problem, "ticket-closed")) {
            return new TicketClosedException(message, problem);
        }
        if (status == 507) { // not retried: space frees by someone's hand, not by waiting a few seconds
            return new UnavailableException("the service is out of disk space: " + message, problem, null);
        }
        String unknown = unknownField(status, problem);
        if (unknown != null) {
            String flag = FLAGS.get(unknown);
            return new InvalidRequestException("the service is older than this CLI: it does not take "
                    + (flag == null ? "the field '" + unknown + "'" : flag + " (field '" + unknown + "')")
                    + "; leave the option out or upgrade the service", problem);
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

    /** The request fields the CLI sends, by the option that sets them. */
    private static final Map<String, String> FLAGS = Map.of("title", "--title", "body", "--message",
            "type", "--type", "about", "--about", "dialog_url", "--dialog", "refs", "--ref", "labels", "--label",
            "dedupe_key", "--dedupe-key", "account", "--account", "role", "--role");

    /** The field a 400 refused as unknown (SPEC 7.2: a service older than the CLI), or null. */
    static String unknownField(int status, Problem problem) {
        String detail = problem.detail();
        if (status != 400 || !kindIs(problem, "bad-request") || detail == null
                || !detail.startsWith("Unknown field '")) {
            return null;
        }
        int end = detail.indexOf('\'', 15);
        return end < 0 ? null : detail.substring(15, end);
    }

    static Problem parse(int status, String contentType, byte[] body) {
        if (contentType != null && contentType.contains("json") && body.length > 0) {
            try {
                Problem p = JsonRecords.read(body, Problem.class);
                if (p != null) {
                    return new Problem(p.type(), p.title(), p.status() == 0 ? status : p.status(), p.detail(),
                            p.instance());
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
