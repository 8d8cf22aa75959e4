package dev.ticket.cli;

/** No token is configured for the command (exit 3). */
public class NotLoggedInException extends RuntimeException {
    public NotLoggedInException(String message) {
        super(message);
    }
}
