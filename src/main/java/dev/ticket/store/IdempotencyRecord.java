package dev.ticket.store;

/** The first answer given for an idempotency key; {@code response} is null while it is being made. */
public record IdempotencyRecord(String fingerprint, String kind, String response) {
}
