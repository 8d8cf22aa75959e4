package dev.ticket.server;

import java.io.IOException;
import java.nio.ByteBuffer;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Requests Jetty refuses before any route runs (a URI or header over the limit, a malformed request line)
 * get the same RFC 9457 problem details as the API's own refusals, instead of an HTML page.
 */
final class JettyProblems extends ErrorHandler {

    @Override
    protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
                                    Callback callback) throws IOException {
        String path = request.getHttpURI().getPath();
        if (code == 426) {
            // an HTTP/1 request line naming HTTP/2.0 (h2c is by prior knowledge only): a version this syntax
            // does not carry, answered like any other (Jetty asks for an upgrade no client can make)
            code = 505;
            message = null;
            response.setStatus(code);
        }
        // a request line Jetty could not parse reaches here as the made-up path /badMessage: name no path then
        write(request, response, callback, code, "/badMessage".equals(path) ? "" : path, message);
    }

    /** Writes the problem for {@code code} as the whole answer, with the request's id (or a new one). */
    static void write(Request request, Response response, Callback callback, int code, String path, String message) {
        String id = RequestIds.of(request);
        id = id != null ? id : RequestIds.accept(request.getHeaders().get(RequestIds.HEADER));
        byte[] body = Problems.bytes(Problems.forStatus(code, request.getMethod(), path, message).withRequestId(id));
        response.getHeaders().put(RequestIds.HEADER, id);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, Problems.CONTENT_TYPE);
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
        if (code == 503 || code == 429) {
            response.getHeaders().put(HttpHeader.RETRY_AFTER, Problems.DEFAULT_RETRY_AFTER_SECONDS);
        }
        response.write(true, ByteBuffer.wrap(body), callback);
    }

    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        // the request could not be parsed: its own id (if any) is not known, so it gets a new one
        String id = RequestIds.generate();
        fields.put(RequestIds.HEADER, id);
        fields.put(HttpHeader.CONTENT_TYPE, Problems.CONTENT_TYPE);
        if (status == 503 || status == 429) {
            fields.put(HttpHeader.RETRY_AFTER, Problems.DEFAULT_RETRY_AFTER_SECONDS);
        }
        return ByteBuffer.wrap(Problems.bytes(Problems.forStatus(status, "", "", reason).withRequestId(id)));
    }
}
