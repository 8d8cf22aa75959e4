package dev.ticket.client;

import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.core5.http.ClassicHttpResponse;

/** An open server-sent-events response; {@link #abort()} may be called from another thread to stop it. */
public final class EventStream implements Closeable {
    private final HttpUriRequestBase request;
    private final ClassicHttpResponse response;
    private final SseParser parser;

    EventStream(HttpUriRequestBase request, ClassicHttpResponse response) {
        this.request = request;
        this.response = response;
        try {
            this.parser = new SseParser(new BufferedReader(
                    new InputStreamReader(response.getEntity().getContent(), StandardCharsets.UTF_8)));
        } catch (IOException e) {
            abort();
            throw new UnavailableException("the event stream could not be read: " + e.getMessage(), null, e);
        }
    }

    /** The next event, or null when the service ended the stream. */
    public ServerSentEvent next() throws IOException {
        return parser.next();
    }

    /** Drops the connection at once (any blocked {@link #next()} fails). */
    public void abort() {
        request.cancel();
    }

    @Override
    public void close() {
        abort();
        try {
            response.close();
        } catch (IOException ignored) {
            // the connection is being discarded anyway
        }
    }
}
