package dev.ticket.model;

/**
 * What the service accepts on one message: the largest file in bytes, the most files, and the longest
 * body in characters. The CLI checks files against these before it sends them.
 */
public record Limits(long maxFileBytes, int maxFilesPerMessage, int maxBodyChars) {
}
