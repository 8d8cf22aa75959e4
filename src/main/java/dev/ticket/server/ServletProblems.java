package dev.ticket.server;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.util.List;
import org.eclipse.jetty.ee10.servlet.ErrorHandler;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Error pages the servlet container writes itself (a request whose body failed under the routes, for one) are
 * problem details too, like {@link JettyProblems} for what Jetty refuses before the routes.
 */
final class ServletProblems extends ErrorHandler {
    @Override
    protected boolean generateAcceptableResponse(Request request, Response response, Callback callback,
                                                 String contentType, List<Charset> charsets, int code, String message,
                                                 Throwable cause) throws IOException {
        String id = RequestIds.of(request);
        id = id != null ? id : RequestIds.accept(request.getHeaders().get(RequestIds.HEADER));
        byte[] body = Problems.bytes(Problems.forStatus(code, request.getMethod(), request.getHttpURI().getPath(),
                GuardedBody.isTooSlow(cause) ? null : message).withRequestId(id));
        response.getHeaders().put(RequestIds.HEADER, id);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, Problems.CONTENT_TYPE);
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
        if (code == 503 || code == 429) {
            response.getHeaders().put(HttpHeader.RETRY_AFTER, Problems.DEFAULT_RETRY_AFTER_SECONDS);
        }
        response.write(true, ByteBuffer.wrap(body), callback);
        return true;
    }
}
