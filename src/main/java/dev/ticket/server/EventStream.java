package dev.ticket.server;

import dev.ticket.service.Caller;
import dev.ticket.service.EventFeed;
import dev.ticket.service.ServiceException;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;

/**
 * {@code GET /api/v1/events}: server-sent events of what the caller may see. Each event carries its id;
 * {@code Last-Event-ID} (or {@code ?after=}) resumes after it without gaps or repeats.
 *
 * <p>Open streams are served by {@link EventsHandler} in front of Javalin, without a thread each. This route
 * answers what that handler hands on: {@code HEAD}, and requests it refused (a bad token, a ticket the caller
 * may not see, a bad {@code Last-Event-ID}), with the same problem answers as every other route.
 */
final class EventStream {
    private final EventFeed feed;

    EventStream(EventFeed feed) {
        this.feed = feed;
    }

    void stream(Context ctx) {
        Caller caller = Requests.caller(ctx);
        Long ticketId = ticketFilter(ctx.queryParam("ticket"));
        if (ticketId != null) {
            feed.checkVisible(caller, ticketId);
        }
        resumeFrom(ctx.header("Last-Event-ID"), ctx.queryParam("after"), feed);
        if (ctx.method() != HandlerType.HEAD) {
            // Only reached when the stream handler refused a request that passes here: a race with a revocation.
            ctx.header("Retry-After", "1");
            throw new ServiceException(ServiceException.Kind.UNAVAILABLE, "The stream could not start; try again.");
        }
        ctx.status(200);
        ctx.res().setContentType(EventsHandler.CONTENT_TYPE);
        ctx.res().setHeader("Cache-Control", "no-store");
        ctx.res().setHeader("X-Accel-Buffering", "no");
    }

    /** Where a stream starts: after {@code Last-Event-ID}, else {@code ?after=}, else after the newest event. */
    static long resumeFrom(String lastEventId, String after, EventFeed feed) {
        String name = "Last-Event-ID";
        String raw = lastEventId;
        if (raw == null || raw.isBlank()) {
            name = "after";
            raw = after;
        }
        if (raw == null || raw.isBlank()) {
            return feed.lastId();
        }
        return Requests.id(raw.strip(), name, true);
    }

    static Long ticketFilter(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        return Requests.id(raw.strip(), "ticket", false);
    }
}
