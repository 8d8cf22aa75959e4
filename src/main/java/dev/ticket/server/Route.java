package dev.ticket.server;

import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/** One row of the route table: the table is the single place routes are declared. */
public record Route(HandlerType method, String path, Access access, Handler handler) {

    /** Whether a request path (not a template) is this route's: {@code {id}} takes one segment. */
    boolean matches(String requestPath) {
        StringBuilder regex = new StringBuilder();
        for (String part : path.split("\\{[^/}]+}", -1)) {
            regex.append(regex.isEmpty() ? "" : "[^/]+").append(Pattern.quote(part));
        }
        return requestPath.matches(regex.toString());
    }

    /** The methods {@code routes} take on {@code requestPath}, as a 405's {@code Allow} header lists them (RFC 9110). */
    static String allowed(List<Route> routes, String requestPath) {
        Set<String> methods = new TreeSet<>();
        for (Route route : routes) {
            if (route.matches(requestPath)) {
                methods.add(route.method().name());
                if (route.method() == HandlerType.GET) {
                    methods.add("HEAD");
                }
            }
        }
        return String.join(", ", methods);
    }
}
