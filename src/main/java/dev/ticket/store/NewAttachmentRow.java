package dev.ticket.store;

/** An attachment row; its bytes are the blob named by {@code sha256}. */
public record NewAttachmentRow(long messageId, long ticketId, String filename, String contentType, long size,
                               String sha256) {
}
