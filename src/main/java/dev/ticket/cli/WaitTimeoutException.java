package dev.ticket.cli;

/** {@code ticket wait} saw nothing from the other side before its timeout (exit 7). */
public class WaitTimeoutException extends RuntimeException {
    public WaitTimeoutException(String message) {
        super(message);
    }
}
