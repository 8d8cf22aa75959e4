package dev.ticket.store;

/** The database could not be opened or answered with an error the rules cannot handle. */
public class StoreException extends RuntimeException {
    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
