package dev.ticket.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ticket.model.Event;
import dev.ticket.model.Json;
import dev.ticket.model.Message;
import dev.ticket.store.StoreTx;
import dev.ticket.store.TicketHead;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Erasing a message (a leaked secret): its body becomes a note of who redacted it and when, its attachments
 * go with their bytes, and every stored copy of it (event payloads, recorded idempotent answers) is rewritten
 * the same way, all in one transaction. The ticket stays; an event tells open chat views to reload it.
 */
final class Redaction {

    /**
     * What one redaction did: the message as it is now, contents whose files are to be removed, and whether an
     * earlier redaction had already done it all.
     */
    record Done(Message message, long ticketId, List<String> removedContents, boolean earlier) {
    }

    private Redaction() {
    }

    static Done apply(StoreTx tx, Caller caller, long messageId, Instant now) {
        Message before = tx.message(messageId).orElseThrow(() -> ServiceException.notFound("Message " + messageId));
        TicketHead head = tx.lockTicket(before.ticketId()).orElseThrow(
                () -> ServiceException.notFound("Message " + messageId));
        String target = "message #" + messageId + " in ticket #" + head.id();
        if (before.redactedAt() != null) {
            return new Done(before, head.id(), List.of(), true); // its note, event and audit entry stay
        }
        String note = "redacted by " + caller.name() + " at " + now.truncatedTo(ChronoUnit.SECONDS);
        List<String> removed = tx.redactMessage(messageId, note, now);
        Message after = tx.message(messageId).orElseThrow();
        tx.rewriteCopies(head.id(), "\"ticket_id\":" + head.id(), text -> scrub(text, after));
        tx.appendEvent(head.id(), head.accountId(), Event.REDACTED,
                Idempotency.json(new Event(0, Event.REDACTED, head.id(), null, after, now)), now);
        AccountService.audit(tx, caller, "message.redact", target, now);
        return new Done(after, head.id(), removed, false);
    }

    /** The JSON text with every copy of the message (same id and ticket) replaced by its redacted form. */
    static String scrub(String text, Message redacted) {
        try {
            JsonNode tree = Json.mapper().readTree(text);
            JsonNode replacement = Json.mapper().valueToTree(redacted);
            return replace(tree, redacted, replacement) ? Json.mapper().writeValueAsString(tree) : text;
        } catch (JsonProcessingException e) {
            return text; // not JSON: nothing of ours to rewrite
        }
    }

    private static boolean replace(JsonNode node, Message redacted, JsonNode replacement) {
        boolean changed = false;
        if (node instanceof ObjectNode object && object.has("body")
                && object.path("id").asLong(-1) == redacted.id()
                && object.path("ticket_id").asLong(-1) == redacted.ticketId()) {
            object.removeAll();
            object.setAll((ObjectNode) replacement);
            return true;
        }
        for (JsonNode child : node) {
            changed |= replace(child, redacted, replacement);
        }
        return changed;
    }
}
