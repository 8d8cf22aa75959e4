package dev.ticket.model;

/** A file carried by a message; its bytes are at {@code GET /api/v1/attachments/{id}}. */
public record Attachment(long id, String filename, String contentType, long size, String sha256) {
}
