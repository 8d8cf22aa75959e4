package dev.ticket.server;

import java.io.IOException;
import java.nio.charset.Charset;
import java.util.List;
import org.eclipse.jetty.ee10.servlet.ErrorHandler;
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
        JettyProblems.write(request, response, callback, code, request.getHttpURI().getPath(),
                GuardedBody.isTooSlow(cause) ? null : message);
        return true;
    }
}
