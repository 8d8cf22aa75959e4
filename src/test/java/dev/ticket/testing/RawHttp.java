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
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 over a plain socket, for what {@link ApiClient} cannot do: a chosen loopback source address, malformed
 * or trickled requests, and reading whatever answer (if any) comes back before the connection closes.
 */
public final class RawHttp implements AutoCloseable {
    /** An answer as it came over the wire; {@code status} 0 when the connection closed without one. */
    public record Answer(int status, Map<String, String> headers, String body) {
        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    private final Socket socket;

    private RawHttp(Socket socket) {
        this.socket = socket;
    }

    /** Connects to the service at {@code url} from {@code localAddress} (any loopback address, or null). */
    public static RawHttp connect(String url, String localAddress) {
        URI uri = URI.create(url);
        try {
            Socket socket = new Socket();
            if (localAddress != null) {
                socket.bind(new InetSocketAddress(localAddress, 0));
            }
            socket.connect(new InetSocketAddress(uri.getHost(), uri.getPort()), 5_000);
            socket.setTcpNoDelay(true);
            return new RawHttp(socket);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sends a whole request and reads its answer (one request per connection: it asks to close). */
    public static Answer exchange(String url, String localAddress, String request) {
        try (RawHttp http = connect(url, localAddress)) {
            http.write(request.getBytes(StandardCharsets.UTF_8));
            return http.read(Duration.ofSeconds(20));
        }
    }

    /** A GET with these headers, sent from {@code localAddress}. */
    public static Answer get(String url, String localAddress, String path, Map<String, String> headers) {
        StringBuilder request = new StringBuilder("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n");
        headers.forEach((k, v) -> request.append(k).append(": ").append(v).append("\r\n"));
        return exchange(url, localAddress, request.append("\r\n").toString());
    }

    public void write(byte[] bytes) {
        try {
            socket.getOutputStream().write(bytes);
            socket.getOutputStream().flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes if the service still takes bytes; false once it closed or reset the connection. */
    public boolean tryWrite(byte[] bytes) {
        try {
            socket.getOutputStream().write(bytes);
            socket.getOutputStream().flush();
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** True when an answer (or the close) is waiting to be read. */
    public boolean answered() {
        try {
            return socket.getInputStream().available() > 0 || socket.isInputShutdown();
        } catch (IOException e) {
            return true;
        }
    }

    /** Reads until the connection closes or {@code timeout} passes without a byte; then parses what came. */
    public Answer read(Duration timeout) {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        try {
            socket.setSoTimeout((int) timeout.toMillis());
            InputStream in = socket.getInputStream();
            byte[] buffer = new byte[8192];
            for (int n; (n = in.read(buffer)) >= 0; ) {
                all.write(buffer, 0, n);
                if (complete(all.toString(StandardCharsets.ISO_8859_1))) {
                    break;
                }
            }
        } catch (SocketTimeoutException e) {
            // parse what arrived
        } catch (IOException e) {
            // reset: parse what arrived
        }
        return parse(all.toString(StandardCharsets.UTF_8));
    }

    private static boolean complete(String text) {
        int end = text.indexOf("\r\n\r\n");
        if (end < 0) {
            return false;
        }
        for (String line : text.substring(0, end).split("\r\n")) {
            if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                int length = Integer.parseInt(line.substring(15).strip());
                return text.length() - end - 4 >= length;
            }
        }
        return false;
    }

    private static Answer parse(String text) {
        int end = text.indexOf("\r\n\r\n");
        if (!text.startsWith("HTTP/") || end < 0) {
            return new Answer(0, Map.of(), text);
        }
        String[] lines = text.substring(0, end).split("\r\n");
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) {
                headers.put(lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT),
                        lines[i].substring(colon + 1).strip());
            }
        }
        return new Answer(Integer.parseInt(lines[0].split(" ")[1]), headers, text.substring(end + 4));
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            // closed
        }
    }
}
