package dev.ticket.client;

/** Hears how a streamed upload or download advances (the CLI draws a progress bar from it on a terminal). */
public interface TransferProgress {
    /** Does nothing: scripts and tests. */
    TransferProgress NONE = new TransferProgress() {
    };

    /** A transfer of {@code totalBytes} (-1 when unknown) begins. */
    default void start(String label, long totalBytes) {
    }

    /** {@code bytes} more went over the wire. */
    default void advance(long bytes) {
    }

    /** The transfer ended, successfully or not. */
    default void finish() {
    }
}
