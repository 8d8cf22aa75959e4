package dev.ticket.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * An event stream on a plain socket, without a thread: many can be open at once, and one can stop reading
 * (a slow client). Reads happen only when the test asks, with a deadline.
 */
public final class RawStream implements AutoCloseable {
    private final Socket socket;
    private final InputStream in;
    private final int status;
    private final Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    private final StringBuilder text = new StringBuilder();
    private long bytesRead;
    private boolean ended;

    private RawStream(Socket socket, String request, int receiveBuffer) throws IOException {
        this.socket = socket;
        socket.getOutputStream().write(request.getBytes(StandardCharsets.UTF_8));
        socket.getOutputStream().flush();
        this.in = socket.getInputStream();
        socket.setSoTimeout(10_000);
        String head = readHead();
        String[] lines = head.split("\r\n");
        this.status = Integer.parseInt(lines[0].split(" ")[1]);
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) {
                headers.put(lines[i].substring(0, colon).strip(), lines[i].substring(colon + 1).strip());
            }
        }
    }

    /** Opens {@code GET /api/v1/events?query} with the token; {@code receiveBuffer} > 0 sets the socket's buffer. */
    public static RawStream open(String baseUrl, String token, String query, int receiveBuffer) {
        URI uri = URI.create(baseUrl);
        Socket socket = new Socket();
        try {
            if (receiveBuffer > 0) {
                socket.setReceiveBufferSize(receiveBuffer);
            }
            socket.connect(new InetSocketAddress(uri.getHost(), uri.getPort()), 5_000);
            String request = "GET /api/v1/events" + (query.isEmpty() ? "" : "?" + query) + " HTTP/1.1\r\n"
                    + "Host: " + uri.getHost() + ":" + uri.getPort() + "\r\n"
                    + "Accept: text/event-stream\r\n"
                    + "Authorization: Bearer " + token + "\r\n\r\n";
            return new RawStream(socket, request, receiveBuffer);
        } catch (IOException e) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // already failing
            }
            throw new UncheckedIOException(e);
        }
    }

    public static RawStream open(String baseUrl, String token) {
        return open(baseUrl, token, "", 0);
    }

    public int status() {
        return status;
    }

    public String header(String name) {
        return headers.get(name.toLowerCase(Locale.ROOT));
    }

    /** What arrived so far after the head (chunk sizes included). */
    public String text() {
        return text.toString();
    }

    public long bytesRead() {
        return bytesRead;
    }

    /** Reads until the text holds {@code needle}; false when the deadline passes or the stream ends first. */
    public boolean await(String needle, Duration within) {
        long deadline = System.nanoTime() + within.toNanos();
        while (text.indexOf(needle) < 0) {
            if (ended || !readSome(deadline)) {
                return text.indexOf(needle) >= 0;
            }
        }
        return true;
    }

    /** Reads until the server ends the stream; false when it is still open at the deadline. */
    public boolean awaitEnd(Duration within) {
        long deadline = System.nanoTime() + within.toNanos();
        while (!ended) {
            if (!readSome(deadline) && !ended) {
                return false;
            }
        }
        return true;
    }

    /** Reads what is there, waiting up to the deadline; false on timeout. */
    private boolean readSome(long deadline) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
            return false;
        }
        byte[] buffer = new byte[64 * 1024];
        try {
            socket.setSoTimeout((int) Math.max(1, left / 1_000_000));
            int n = in.read(buffer);
            if (n < 0) {
                ended = true;
                return false;
            }
            bytesRead += n;
            text.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
            if (text.indexOf("\r\n0\r\n\r\n") >= 0) {
                ended = true; // the last chunk: the server ended the response
            }
            return true;
        } catch (SocketTimeoutException e) {
            return false;
        } catch (IOException e) {
            ended = true; // reset by the server
            return false;
        }
    }

    private String readHead() throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        byte[] end = {'\r', '\n', '\r', '\n'};
        while (matched < 4) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("the connection closed before the response head");
            }
            head.write(b);
            matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
        }
        return head.toString(StandardCharsets.UTF_8);
    }

    /** The body of a refused request (a problem document), read to its Content-Length. */
    public String body() {
        int length = Integer.parseInt(headers.getOrDefault("Content-Length", "0"));
        byte[] body = new byte[length];
        try {
            int off = 0;
            while (off < length) {
                int n = in.read(body, off, length - off);
                if (n < 0) {
                    break;
                }
                off += n;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new String(body, StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            // closing anyway
        }
    }
}
