package dev.ticket.store;

/**
 * Who is looking, for the store's per-viewer columns ({@code unread}) and visibility:
 * a customer sees one account ({@code accountId}); the team sees all ({@code accountId} null).
 */
public record Viewer(long userId, boolean team, Long accountId) {
}
