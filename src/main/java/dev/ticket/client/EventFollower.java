package dev.ticket.client;

import dev.ticket.model.Event;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * Follows the live event stream until a handler is satisfied or a deadline passes, reconnecting
 * after dropped connections with {@code Last-Event-ID} so no event is lost in between.
 */
public final class EventFollower {
    /** Decides when following is done. */
    public interface Handler {
        /** Called each time the stream is (re)connected; true to stop (e.g. a re-check found what we wait for). */
        default boolean onConnected() {
            return false;
        }

        /** Called for each event; true to stop. */
        boolean onEvent(Event event);

        /** Called when (re)connecting failed and another try follows. */
        default void onReconnecting(RuntimeException cause) {
        }
    }

    /** Reconnect quietly at this interval even when nothing arrives, in case a connection died silently. */
    private static final Duration IDLE_RECONNECT = Duration.ofMinutes(5);
    /** The pace of reconnecting once the retry policy is spent, when following until the deadline. */
    private static final Duration PERSISTENT_RETRY = Duration.ofSeconds(1);

    private final TicketClient client;
    private final Long ticketId;
    private String lastEventId;
    private boolean untilDeadline;

    public EventFollower(TicketClient client, Long ticketId) {
        this.client = client;
        this.ticketId = ticketId;
    }

    /**
     * Keeps reconnecting until the deadline (for ever without one) instead of giving up when the retry policy
     * runs out: for a wait that must outlive a restart of the service.
     */
    public EventFollower reconnectingUntilDeadline() {
        untilDeadline = true;
        return this;
    }

    /**
     * Follows until the handler returns true (then true) or {@code timeout} passes (then false);
     * a null timeout waits for ever. Throws {@link UnavailableException} when reconnecting keeps failing.
     */
    public boolean follow(Duration timeout, Handler handler) {
        long deadline = timeout == null ? Long.MAX_VALUE : System.nanoTime() + timeout.toNanos();
        RetryPolicy policy = client.config().retry();
        int failures = 0;
        long failingSince = 0;
        while (remaining(deadline) > 0) {
            try (EventStream stream = client.openEvents(ticketId, lastEventId, readTimeout(deadline))) {
                failures = 0;
                if (handler.onConnected()) {
                    return true;
                }
                if (read(stream, deadline, handler)) {
                    return true;
                }
                sleep(Math.min(250, remaining(deadline) / 1_000_000));
            } catch (UnavailableException e) {
                if (e.retryAfter() != null) {
                    // Refused for now (too many open streams, an overloaded service): come back when it says,
                    // for as long as the caller waits, spread a little so refused clients do not return together.
                    failures = 0;
                    sleep(Math.min(withJitter(e.retryAfter()).toMillis(), remaining(deadline) / 1_000_000));
                    continue;
                }
                failingSince = failures++ == 0 ? System.nanoTime() : failingSince;
                Duration delay = policy.nextDelay(failures, Duration.ofNanos(System.nanoTime() - failingSince), null);
                if (delay == null && untilDeadline) {
                    delay = PERSISTENT_RETRY;
                }
                if (delay == null) {
                    throw e;
                }
                handler.onReconnecting(e);
                sleep(Math.min(delay.toMillis(), remaining(deadline) / 1_000_000));
            }
        }
        return false;
    }

    /** The id of the newest event seen, for resuming. */
    public String lastEventId() {
        return lastEventId;
    }

    private boolean read(EventStream stream, long deadline, Handler handler) {
        CompletableFuture<Void> watchdog = deadline == Long.MAX_VALUE ? null : CompletableFuture.runAsync(
                stream::abort, CompletableFuture.delayedExecutor(remaining(deadline), TimeUnit.NANOSECONDS));
        try {
            ServerSentEvent raw;
            while ((raw = stream.next()) != null) {
                if (raw.id() != null) {
                    lastEventId = raw.id();
                }
                Event event = parse(raw);
                if (event != null && handler.onEvent(event)) {
                    return true;
                }
            }
            return false;
        } catch (IOException e) {
            return false;
        } finally {
            if (watchdog != null) {
                watchdog.cancel(false);
            }
        }
    }

    private static Event parse(ServerSentEvent raw) {
        if (!raw.data().startsWith("{")) {
            return null;
        }
        try {
            Event event = ClientJson.read(raw.data().getBytes(StandardCharsets.UTF_8), Event.class);
            return event.kind() == null ? null : event;
        } catch (IOException e) {
            return null;
        }
    }

    /** The service's Retry-After plus up to a quarter more (at least 100 ms), at random. */
    public static Duration withJitter(Duration retryAfter) {
        long ms = Math.max(0, retryAfter.toMillis());
        return Duration.ofMillis(ms + ThreadLocalRandom.current().nextLong(Math.max(100, ms / 4) + 1));
    }

    private static Duration readTimeout(long deadline) {
        long left = remaining(deadline);
        return left < IDLE_RECONNECT.toNanos() ? Duration.ofNanos(left).plusSeconds(1) : IDLE_RECONNECT;
    }

    private static long remaining(long deadline) {
        return deadline == Long.MAX_VALUE ? Long.MAX_VALUE : deadline - System.nanoTime();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(Math.max(0, millis));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UnavailableException("interrupted while waiting for events", null, e);
        }
    }
}
