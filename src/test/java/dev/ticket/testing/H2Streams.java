package dev.ticket.testing;

import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpURI;
import org.eclipse.jetty.http.HttpVersion;
import org.eclipse.jetty.http.MetaData;
import org.eclipse.jetty.http2.ErrorCode;
import org.eclipse.jetty.http2.api.Session;
import org.eclipse.jetty.http2.api.Stream;
import org.eclipse.jetty.http2.client.HTTP2Client;
import org.eclipse.jetty.http2.frames.HeadersFrame;
import org.eclipse.jetty.http2.frames.ResetFrame;
import org.eclipse.jetty.util.BufferUtil;
import org.eclipse.jetty.util.Callback;

/**
 * One HTTP/2 cleartext connection (prior knowledge, Jetty's HTTP/2 client) to a real service, carrying many event
 * streams: a client as a browser or an HTTP/2 library would open them.
 */
public final class H2Streams implements AutoCloseable {
    private final HTTP2Client client = new HTTP2Client();
    private final Session session;
    private final URI base;

    private H2Streams(URI base) throws Exception {
        this.base = base;
        client.start();
        session = client.connect(new InetSocketAddress(base.getHost(), base.getPort()), new Session.Listener() { })
                .get(10, TimeUnit.SECONDS);
    }

    public static H2Streams connect(String url) {
        try {
            return new H2Streams(URI.create(url));
        } catch (Exception e) {
            throw new IllegalStateException("no HTTP/2 connection to " + url, e);
        }
    }

    /** Opens {@code GET /api/v1/events[?query]} on this connection; waits for the response's headers. */
    public Events open(String token, String query) {
        Events events = new Events();
        HttpURI uri = HttpURI.from(base.resolve("/api/v1/events" + (query == null ? "" : "?" + query)));
        MetaData.Request request = new MetaData.Request("GET", uri, HttpVersion.HTTP_2,
                HttpFields.build().put("Authorization", "Bearer " + token).put("Accept", "text/event-stream"));
        try {
            events.stream = session.newStream(new HeadersFrame(request, null, true), events).get(10, TimeUnit.SECONDS);
            events.status.get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("could not open an HTTP/2 event stream", e);
        }
        return events;
    }

    /** How many streams the connection has open now. */
    public int openStreams() {
        return session.getStreams().size();
    }

    @Override
    public void close() {
        try {
            client.stop();
        } catch (Exception e) {
            // closing
        }
    }

    /** One event stream: its status, the text received so far, and whether the service ended it. */
    public static final class Events implements Stream.Listener {
        final CompletableFuture<Integer> status = new CompletableFuture<>();
        private final StringBuilder text = new StringBuilder();
        private volatile boolean ended;
        volatile Stream stream;
        private volatile HttpFields headers = HttpFields.EMPTY;

        public int status() {
            return status.join();
        }

        public String header(String name) {
            return headers.get(name);
        }

        public synchronized String text() {
            return text.toString();
        }

        /** Waits until the text received contains {@code needle}. */
        public boolean await(String needle, Duration timeout) {
            return ServeProcess.await(timeout, () -> text().contains(needle));
        }

        /** Waits until the service ended the stream (end of stream or reset). */
        public boolean awaitEnd(Duration timeout) {
            return ServeProcess.await(timeout, () -> ended);
        }

        /** Closes the stream from the client's side (RST_STREAM CANCEL), as a client that stops watching does. */
        public void cancel() {
            stream.reset(new ResetFrame(stream.getId(), ErrorCode.CANCEL_STREAM_ERROR.code), Callback.NOOP);
        }

        @Override
        public void onHeaders(Stream stream, HeadersFrame frame) {
            if (frame.getMetaData() instanceof MetaData.Response response) {
                headers = response.getHttpFields();
                status.complete(response.getStatus());
            }
            if (frame.isEndStream()) {
                ended = true;
            } else {
                stream.demand();
            }
        }

        @Override
        public void onDataAvailable(Stream stream) {
            Stream.Data data = stream.readData();
            if (data == null) {
                stream.demand();
                return;
            }
            synchronized (this) {
                text.append(BufferUtil.toString(data.frame().getByteBuffer(), StandardCharsets.UTF_8));
            }
            data.release();
            if (data.frame().isEndStream()) {
                ended = true;
            } else {
                stream.demand();
            }
        }

        @Override
        public void onReset(Stream stream, ResetFrame frame, Callback callback) {
            ended = true;
            callback.succeeded();
        }

        @Override
        public void onFailure(Stream stream, int error, String reason, Throwable failure, Callback callback) {
            ended = true;
            callback.succeeded();
        }
    }
}
