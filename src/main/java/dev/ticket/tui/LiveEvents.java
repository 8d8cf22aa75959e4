package dev.ticket.tui;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.ticket.client.EventFollower;
import dev.ticket.client.EventStream;
import dev.ticket.client.ServerSentEvent;
import dev.ticket.client.TicketClient;
import dev.ticket.client.UnavailableException;
import dev.ticket.model.Event;
import dev.ticket.model.Json;
import java.io.IOException;
import java.time.Duration;

/**
 * Follows the service's event stream on a daemon thread for as long as the view runs: reconnects
 * with {@code Last-Event-ID} when the stream drops, and tells the listener when the connection
 * is lost (a reconnect failed) and when it is back.
 */
final class LiveEvents implements AutoCloseable, Runnable {
    private static final Duration READ_TIMEOUT = Duration.ofMinutes(5);
    private static final long MAX_BACKOFF_MS = 5_000;

    private final TicketClient client;
    private final TuiBackend.EventListener listener;
    private final Thread thread;
    private volatile boolean closed;
    private volatile EventStream current;
    private String lastEventId;

    private LiveEvents(TicketClient client, TuiBackend.EventListener listener) {
        this.client = client;
        this.listener = listener;
        this.thread = new Thread(this, "ticket-tui-events");
        this.thread.setDaemon(true);
    }

    static LiveEvents start(TicketClient client, TuiBackend.EventListener listener) {
        LiveEvents live = new LiveEvents(client, listener);
        live.thread.start();
        return live;
    }

    @Override
    public void run() {
        long backoff = 250;
        while (!closed) {
            try (EventStream stream = client.openEvents(null, lastEventId, READ_TIMEOUT)) {
                current = stream;
                backoff = 250;
                listener.onConnection(true, null);
                read(stream);
                pause(250);
            } catch (RuntimeException e) {
                if (closed) {
                    return;
                }
                // ApiException when the service is away; anything else must not end the stream for good either
                listener.onConnection(false, e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
                // a refusal with Retry-After (too many open streams): not sooner than the service asked
                pause(e instanceof UnavailableException u && u.retryAfter() != null
                        ? Math.max(backoff, EventFollower.withJitter(u.retryAfter()).toMillis()) : backoff);
                backoff = Math.min(MAX_BACKOFF_MS, backoff * 2);
            } finally {
                current = null;
            }
        }
    }

    private void read(EventStream stream) {
        try {
            ServerSentEvent raw;
            while (!closed && (raw = stream.next()) != null) {
                if (raw.id() != null) {
                    lastEventId = raw.id();
                }
                Event event = parse(raw);
                if (event != null) {
                    listener.onEvent(event);
                }
            }
        } catch (IOException e) {
            // dropped: the loop reconnects, and reports only if that fails
        }
    }

    private static Event parse(ServerSentEvent raw) {
        if (raw.data() == null || !raw.data().startsWith("{")) {
            return null;
        }
        try {
            Event event = Json.mapper().readValue(raw.data(), Event.class);
            return event.kind() == null ? null : event;
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    private void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            closed = true;
        }
    }

    @Override
    public void close() {
        closed = true;
        EventStream stream = current;
        if (stream != null) {
            stream.abort();
        }
        thread.interrupt();
    }
}
