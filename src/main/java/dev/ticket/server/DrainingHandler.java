package dev.ticket.server;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.io.IdleTimeout;
import org.eclipse.jetty.server.AbstractConnector;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Finishes what clients already sent when {@code ticket serve} stops. Jetty's own graceful stop
 * ({@code GracefulHandler}) answers 503 to every request that reaches the handlers after the stop began, even
 * one whose bytes were on an accepted connection before the signal (on a busy machine Jetty reads them a few
 * hundred milliseconds later), and it cuts every connection to a one-second idle timeout, which also fails a
 * request whose body or work is still under way. This drain closes the listener, keeps serving connections
 * already open (Jetty answers them with {@code Connection: close}), and closes a connection only once it has
 * no request on it and has been quiet for a second.
 */
final class DrainingHandler extends Handler.Wrapper {
    /** How long a connection without a request must be quiet before the drain closes it (Jetty's default). */
    private static final long QUIET_MS = 1_000;
    private static final long POLL_MS = 20;

    private final Set<EndPoint> busy = ConcurrentHashMap.newKeySet();

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        EndPoint endPoint = request.getConnectionMetaData().getConnection().getEndPoint();
        busy.add(endPoint);
        boolean handled = false;
        try {
            handled = super.handle(request, response, Callback.from(callback, () -> busy.remove(endPoint)));
            return handled;
        } finally {
            if (!handled) {
                busy.remove(endPoint);
            }
        }
    }

    /** Stops accepting, then waits until every connection is closed or quiet without a request; false on timeout. */
    boolean drain(Duration timeout) {
        List<Connector> connectors = List.of(getServer().getConnectors());
        for (Connector connector : connectors) {
            if (connector instanceof AbstractConnector abstractConnector) {
                abstractConnector.setShutdownIdleTimeout(-1); // the drain, not a short idle timeout, closes them
            }
            connector.shutdown(); // closes the listening socket; its future is not awaited, the loop below is
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        while (closeQuietConnections(connectors) > 0) {
            if (System.nanoTime() - deadline > 0) {
                return false;
            }
            try {
                Thread.sleep(POLL_MS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }

    /** Requests still being handled. */
    int inFlight() {
        return busy.size();
    }

    /** Milliseconds since the connection last read or wrote. */
    private static long quietFor(EndPoint endPoint) {
        return endPoint instanceof IdleTimeout idle ? idle.getIdleFor() : Long.MAX_VALUE;
    }

    /** Closes connections without a request that were quiet long enough; returns how many stay open. */
    private int closeQuietConnections(List<Connector> connectors) {
        int open = 0;
        for (Connector connector : connectors) {
            for (EndPoint endPoint : connector.getConnectedEndPoints()) {
                if (!endPoint.isOpen()) {
                    continue;
                }
                if (!busy.contains(endPoint) && quietFor(endPoint) >= QUIET_MS) {
                    endPoint.close();
                } else {
                    open++;
                }
            }
        }
        return open;
    }
}
