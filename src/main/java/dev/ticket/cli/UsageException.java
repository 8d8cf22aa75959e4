package dev.ticket.cli;

/** The command line or its input is wrong or incomplete (exit 2): a missing field, an unreadable file. */
public class UsageException extends RuntimeException {
    public UsageException(String message) {
        super(message);
    }

    public UsageException(String message, Throwable cause) {
        super(message, cause);
    }
}
