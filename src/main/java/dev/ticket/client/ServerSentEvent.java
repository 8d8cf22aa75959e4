package dev.ticket.client;

/** One raw server-sent event: its {@code id:}, {@code event:} name (default "message") and joined {@code data:}. */
public record ServerSentEvent(String id, String event, String data) {
}
