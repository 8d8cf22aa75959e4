package dev.ticket.server;

import dev.ticket.model.Event;
import dev.ticket.model.Json;
import dev.ticket.service.Caller;
import dev.ticket.service.EventFeed;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The fan-out behind {@code GET /api/v1/events}. One dispatcher thread, woken when events are committed (on
 * this node, or on another through the store's LISTEN/NOTIFY), reads each new event once and queues its frame
 * on every open stream that may see it; the streams write without a thread of their own. A new or resuming
 * stream first catches up from the database on that same thread, so it joins the live flow with no gap and no
 * repeat. One scheduler sends keep-alives. Open streams are counted per user and in all.
 */
final class StreamHub implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger("ticket.events");
    private static final ByteBuffer KEEPALIVE = ByteBuffer.wrap(": keepalive\n\n".getBytes(StandardCharsets.US_ASCII))
            .asReadOnlyBuffer();

    /** Why a stream was not admitted. */
    enum Refusal { NONE, USER_FULL, ALL_FULL }

    private final EventFeed feed;
    private final StreamSettings settings;
    private final Map<Long, Set<SseConnection>> byUser = new ConcurrentHashMap<>();
    private final AtomicInteger open = new AtomicInteger();
    private final AtomicLong revocations = new AtomicLong();
    private final ConcurrentLinkedQueue<SseConnection> arrivals = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<SseConnection> departures = new ConcurrentLinkedQueue<>();
    private final Semaphore wake = new Semaphore(0);
    private final Thread dispatcher;
    private final ScheduledExecutorService keepAlive;
    private volatile boolean running = true;

    // dispatcher thread only
    private boolean failing;
    private long cursor;
    private final FanOutWriter writer = new FanOutWriter();
    private final Set<SseConnection> team = new HashSet<>();
    private final Map<Long, Set<SseConnection>> byAccount = new HashMap<>();

    private final ServiceMetrics metrics;

    StreamHub(EventFeed feed, StreamSettings settings, ServiceMetrics metrics) {
        this.feed = feed;
        this.settings = settings;
        this.metrics = metrics;
        metrics.gauge("ticket.events.streams.open", "Event streams open now", open, AtomicInteger::get);
        this.cursor = feed.lastId();
        feed.onAppend(this::wake);
        this.dispatcher = new Thread(this::run, "ticket-events");
        this.dispatcher.setDaemon(true);
        this.dispatcher.start();
        this.keepAlive = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "ticket-keepalive");
            t.setDaemon(true);
            return t;
        });
        long every = settings.keepAlive().toMillis();
        keepAlive.scheduleAtFixedRate(this::sendKeepAlives, every, every, TimeUnit.MILLISECONDS);
    }

    StreamSettings settings() {
        return settings;
    }

    /** A counter that moves before streams of a revoked user are ended (see {@link EventsHandler}). */
    long revocations() {
        return revocations.get();
    }

    /** Takes a slot for the caller, or says which cap refuses it. */
    Refusal admit(Caller caller) {
        if (!running) {
            return Refusal.ALL_FULL;
        }
        if (open.incrementAndGet() > settings.total()) {
            open.decrementAndGet();
            return Refusal.ALL_FULL;
        }
        return Refusal.NONE;
    }

    /** Gives back a slot taken by {@link #admit} for a stream that did not start. */
    void unadmit() {
        open.decrementAndGet();
    }

    /** Registers an admitted stream under its user; false (slot given back) when the user has too many. */
    boolean register(SseConnection connection) {
        boolean[] added = new boolean[1];
        byUser.compute(connection.caller.userId(), (user, set) -> {
            Set<SseConnection> streams = set == null ? ConcurrentHashMap.newKeySet() : set;
            if (streams.size() < settings.perUser()) {
                streams.add(connection);
                added[0] = true;
            }
            return streams.isEmpty() ? null : streams;
        });
        if (!added[0]) {
            open.decrementAndGet();
        } else {
            endAtExpiry(connection);
        }
        return added[0];
    }

    /** Starts delivering to a registered stream: it catches up from its resume point, then follows live. */
    void start(SseConnection connection) {
        arrivals.add(connection);
        wake();
    }

    /** Called once when a stream closes: its slot is free at once. */
    void closed(SseConnection connection) {
        byUser.computeIfPresent(connection.caller.userId(), (user, set) -> {
            set.remove(connection);
            return set.isEmpty() ? null : set;
        });
        open.decrementAndGet();
        departures.add(connection);
        wake();
    }

    /**
     * A stream opened with a token that expires ends when it does, as a revoked one does. Only an expiry
     * before the next keep-alive round is scheduled (each round looks again), so a stream that closes long
     * before its token expires leaves no task behind.
     */
    private void endAtExpiry(SseConnection connection) {
        if (connection.caller.expiresAt() == null) {
            return;
        }
        long delay = connection.caller.expiresAt().toEpochMilli() - System.currentTimeMillis();
        if (delay <= 0) {
            connection.end();
        } else if (delay <= settings.keepAlive().toMillis()) {
            try {
                keepAlive.schedule(connection::end, delay, TimeUnit.MILLISECONDS);
            } catch (java.util.concurrent.RejectedExecutionException e) {
                connection.end(); // the hub is stopping: every stream ends anyway
            }
        }
    }

    /** Ends every open stream of a user whose tokens were revoked; nothing written after this reaches them. */
    void endUser(long userId) {
        revocations.incrementAndGet();
        Set<SseConnection> streams = byUser.get(userId);
        if (streams != null) {
            for (SseConnection connection : List.copyOf(streams)) {
                connection.end();
            }
        }
    }

    int openStreams() {
        return open.get();
    }

    private void wake() {
        if (wake.availablePermits() == 0) {
            wake.release();
        }
    }

    private void run() {
        while (running) {
            try {
                wake.acquire();
                wake.drainPermits();
            } catch (InterruptedException e) {
                return;
            }
            try {
                dispatch();
                if (failing) {
                    LOG.info("reading new events again");
                    failing = false;
                }
            } catch (RuntimeException e) {
                if (running) {
                    if (!failing) {
                        LOG.warn("could not read new events ({}); trying again", e.getMessage());
                        failing = true;
                    }
                    pause();
                    wake();
                }
            }
        }
    }

    private void dispatch() {
        for (SseConnection gone; (gone = departures.poll()) != null; ) {
            unroute(gone);
        }
        for (SseConnection arrived; (arrived = arrivals.peek()) != null; ) {
            catchUp(arrived);
            arrivals.poll();
        }
        if (team.isEmpty() && byAccount.isEmpty()) {
            // no stream to deliver to: move past the new events without reading and parsing each (a stream
            // that arrives later catches up from the store to here); with a stream, every post paid for it
            cursor = Math.max(cursor, feed.lastId());
            return;
        }
        while (true) {
            List<EventFeed.Routed> batch = feed.allAfter(cursor);
            for (EventFeed.Routed routed : batch) {
                fanOut(routed);
                cursor = routed.event().id();
            }
            writer.flushAll();
            if (batch.isEmpty()) {
                return;
            }
        }
    }

    /** Queues what a stream missed up to the cursor; with more than its budget, it asks for the rest once drained. */
    private void catchUp(SseConnection connection) {
        if (connection.isClosed()) {
            return;
        }
        while (connection.last < cursor) {
            List<Event> missed = feed.after(connection.caller, connection.last, connection.ticketId);
            if (missed.isEmpty()) {
                break;
            }
            for (Event event : missed) {
                if (event.id() > cursor) {
                    break;
                }
                ByteBuffer frame = frame(event);
                long unsent = connection.unsent();
                if (unsent > 0 && unsent + frame.remaining() > settings.maxUnsentBytes() / 2) {
                    connection.whenDrained(() -> start(connection)); // the rest once the client has read this
                    return;
                }
                if (!connection.offer(frame)) {
                    return;
                }
                connection.last = event.id();
            }
            if (missed.get(missed.size() - 1).id() > cursor) {
                break;
            }
        }
        route(connection);
    }

    private void fanOut(EventFeed.Routed routed) {
        Event event = routed.event();
        if (event.at() != null) {
            metrics.eventDelivered(java.time.Duration.between(event.at(), java.time.Instant.now()));
        }
        ByteBuffer frame = null;
        Set<SseConnection> account = byAccount.get(routed.accountId());
        for (Set<SseConnection> streams : account == null ? List.of(team) : List.of(team, account)) {
            for (SseConnection connection : streams) {
                if (connection.last >= event.id()
                        || (connection.ticketId != null && connection.ticketId != event.ticketId())) {
                    continue;
                }
                if (frame == null) {
                    frame = frame(event);
                }
                if (connection.enqueue(frame)) {
                    writer.add(connection);
                }
                connection.last = event.id();
            }
        }
    }

    private void route(SseConnection connection) {
        if (connection.routed || connection.isClosed()) {
            return;
        }
        connection.routed = true;
        Caller caller = connection.caller;
        if (caller.team() || caller.accountId() == null) {
            team.add(connection);
        } else {
            byAccount.computeIfAbsent(caller.accountId(), a -> new HashSet<>()).add(connection);
        }
    }

    private void unroute(SseConnection connection) {
        if (!connection.routed) {
            return;
        }
        connection.routed = false;
        team.remove(connection);
        Long account = connection.caller.accountId();
        if (account != null) {
            Set<SseConnection> streams = byAccount.get(account);
            if (streams != null && streams.remove(connection) && streams.isEmpty()) {
                byAccount.remove(account);
            }
        }
    }

    private void sendKeepAlives() {
        try {
            for (Set<SseConnection> streams : byUser.values()) {
                for (SseConnection connection : streams) {
                    connection.offer(KEEPALIVE);
                    endAtExpiry(connection);
                }
            }
        } catch (RuntimeException e) {
            LOG.warn("keep-alive round failed: {}", e.getMessage());
        }
    }

    static ByteBuffer frame(Event event) {
        try {
            String data = Json.mapper().writeValueAsString(event);
            return ByteBuffer.wrap(("id: " + event.id() + "\nevent: " + event.kind() + "\ndata: " + data + "\n\n")
                    .getBytes(StandardCharsets.UTF_8)).asReadOnlyBuffer();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private void pause() {
        try {
            Thread.sleep(500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Ends every stream (graceful shutdown) and stops the threads. */
    @Override
    public void close() {
        running = false;
        for (Set<SseConnection> streams : List.copyOf(byUser.values())) {
            for (SseConnection connection : List.copyOf(streams)) {
                connection.end();
            }
        }
        keepAlive.shutdownNow();
        writer.close();
        dispatcher.interrupt();
    }
}
