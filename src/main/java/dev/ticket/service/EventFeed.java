package dev.ticket.service;

import dev.ticket.model.Event;
import dev.ticket.store.EventRow;
import dev.ticket.store.TicketStore;
import java.util.List;

/** Live events (SSE): what happened after a given event id that the caller may see. */
public final class EventFeed {
    private static final int BATCH = 500;
    private final TicketStore store;

    public EventFeed(TicketStore store) {
        this.store = store;
    }

    /** Checks that a customer may follow this ticket (404 otherwise). */
    public void checkVisible(Caller caller, long ticketId) {
        store.read(tx -> TicketService.visibleHead(tx, caller, ticketId));
    }

    /** Events after {@code afterId}, oldest first, of the caller's account (all for the team). */
    public List<Event> after(Caller caller, long afterId, Long ticketId) {
        Long account = caller.team() ? null : caller.accountId();
        List<EventRow> rows = store.read(tx -> tx.eventsAfter(afterId, account, ticketId, BATCH));
        return rows.stream().map(EventFeed::event).toList();
    }

    /**
     * Every event after {@code afterId} (up to a batch), oldest first, with the account it belongs to, for a
     * fan-out that routes each one to the streams that may see it: by the rule of {@link #after}, the team's
     * streams see every account, a customer's only events of their account.
     */
    public List<Routed> allAfter(long afterId) {
        List<EventRow> rows = store.read(tx -> tx.eventsAfter(afterId, null, null, BATCH));
        return rows.stream().map(row -> new Routed(event(row), row.accountId())).toList();
    }

    /** An event with the account it belongs to. */
    public record Routed(Event event, long accountId) {
    }

    /** The newest event id, where a new subscriber without Last-Event-ID starts. */
    public long lastId() {
        return store.read(tx -> tx.lastEventId());
    }

    /** Runs {@code listener} whenever events may have been appended. */
    public void onAppend(Runnable listener) {
        store.onEvents(listener);
    }

    private static Event event(EventRow row) {
        Event stored = Idempotency.parse(row.payload(), Event.class);
        return new Event(row.id(), stored.kind(), stored.ticketId(), stored.status(), stored.message(), stored.at(),
                stored.ticket());
    }
}
