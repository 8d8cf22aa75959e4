package dev.ticket.cli.output;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ticket.cli.UsageException;
import dev.ticket.model.Json;
import java.io.IOException;
import java.io.PrintStream;
import net.thisptr.jackson.jq.BuiltinFunctionLoader;
import net.thisptr.jackson.jq.JsonQuery;
import net.thisptr.jackson.jq.Scope;
import net.thisptr.jackson.jq.Versions;
import net.thisptr.jackson.jq.exception.JsonQueryException;

/**
 * {@code --jq EXPR} through jackson-jq (jq 1.6's language and built-ins), like {@code gh --jq}: each result on a
 * line of its own, strings raw, anything else as compact JSON. Only loaded when {@code --jq} is given, so other
 * commands pay nothing for it or for the mapper it needs. The expression is compiled before the command does
 * anything, so a bad one (exit 2) changes nothing at the service.
 */
public final class JqFilter {
    private final JsonQuery query;
    private final Scope scope;

    private JqFilter(JsonQuery query, Scope scope) {
        this.query = query;
        this.scope = scope;
    }

    public static JqFilter compile(String expression) {
        Scope root = Scope.newEmptyScope();
        BuiltinFunctionLoader.getInstance().loadFunctions(Versions.JQ_1_6, root);
        try {
            return new JqFilter(JsonQuery.compile(expression, Versions.JQ_1_6), root);
        } catch (JsonQueryException e) {
            throw new UsageException("invalid --jq expression: " + oneLine(e.getMessage()));
        }
    }

    /** Prints the results of the expression over {@code json}. */
    void print(String json, PrintStream out) throws IOException {
        ObjectMapper mapper = Json.mapper();
        JsonNode input = mapper.readTree(json);
        StringBuilder lines = new StringBuilder();
        try {
            query.apply(Scope.newChildScope(scope), input, value -> {
                try {
                    lines.append(value.isTextual() ? value.asText() : mapper.writeValueAsString(value)).append('\n');
                } catch (IOException e) {
                    throw new JsonQueryException(e.getMessage());
                }
            });
        } catch (JsonQueryException e) {
            throw new UsageException("--jq: " + oneLine(e.getMessage()));
        }
        out.print(lines);
    }

    private static String oneLine(String message) {
        String text = message == null ? "cannot parse it" : message.strip();
        int end = text.indexOf('\n');
        return end < 0 ? text : text.substring(0, end).strip();
    }
}
