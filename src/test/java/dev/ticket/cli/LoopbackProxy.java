package dev.ticket.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A TCP proxy on a loopback port in front of a real service. Its first connection is sabotaged: either
 * the request reaches the service but the response is dropped (the client sees the connection die),
 * or the proxy answers 503 with {@code Retry-After} itself. Later connections pass through untouched.
 */
final class LoopbackProxy implements AutoCloseable {
    enum Sabotage { NONE, DROP_FIRST_RESPONSE, BUSY_FIRST_REQUEST }

    private final ServerSocket listener;
    private final URI upstream;
    private final Sabotage sabotage;
    private final AtomicInteger connections = new AtomicInteger();
    private final java.util.Set<Socket> open = java.util.concurrent.ConcurrentHashMap.newKeySet();

    LoopbackProxy(String upstreamUrl, Sabotage sabotage) throws IOException {
        this.upstream = URI.create(upstreamUrl);
        this.sabotage = sabotage;
        this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::accept, "proxy-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    String url() {
        return "http://127.0.0.1:" + listener.getLocalPort();
    }

    int connections() {
        return connections.get();
    }

    private void accept() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                open.add(client);
                boolean first = connections.incrementAndGet() == 1;
                Thread t = new Thread(() -> serve(client, first), "proxy-conn");
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket client, boolean first) {
        try (client; Socket server = new Socket(upstream.getHost(), upstream.getPort())) {
            if (first && sabotage == Sabotage.BUSY_FIRST_REQUEST) {
                readRequestHead(client.getInputStream());
                client.getOutputStream().write(("HTTP/1.1 503 Service Unavailable\r\nRetry-After: 1\r\n"
                        + "Content-Type: application/problem+json\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}")
                        .getBytes(StandardCharsets.US_ASCII));
                client.getOutputStream().flush();
                return;
            }
            Thread up = pump(client.getInputStream(), server.getOutputStream());
            if (first && sabotage == Sabotage.DROP_FIRST_RESPONSE) {
                // wait for the service's answer, then hang up without passing it on
                server.getInputStream().read();
                return;
            }
            server.getInputStream().transferTo(client.getOutputStream());
            up.join(1000);
        } catch (IOException | InterruptedException e) {
            // a closed connection ends the exchange
        }
    }

    private static void readRequestHead(InputStream in) throws IOException {
        int matched = 0;
        byte[] end = "\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
        for (int b = in.read(); b >= 0 && matched < 4; b = in.read()) {
            matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
            if (matched == 4) {
                return;
            }
        }
    }

    private static Thread pump(InputStream from, OutputStream to) {
        Thread t = new Thread(() -> {
            try {
                from.transferTo(to);
            } catch (IOException ignored) {
                // one side closed
            }
        }, "proxy-pump");
        t.setDaemon(true);
        t.start();
        return t;
    }

    /** Cuts every connection open now, as a network failure would. */
    void cutAll() throws IOException {
        for (Socket socket : open) {
            socket.close();
        }
        open.clear();
    }

    @Override
    public void close() throws IOException {
        listener.close();
    }
}
