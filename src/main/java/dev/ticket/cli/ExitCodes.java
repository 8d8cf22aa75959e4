package dev.ticket.cli;

import dev.ticket.cli.config.ConfigFile;
import dev.ticket.client.InvalidRequestException;
import dev.ticket.client.NotAuthorizedException;
import dev.ticket.client.NotFoundException;
import dev.ticket.client.TicketClosedException;
import dev.ticket.client.UnavailableException;
import picocli.CommandLine;

/** The one place where failures become the exit codes of rules.md, command line. */
public final class ExitCodes {
    public static final int OK = 0;
    public static final int UNEXPECTED = 1;
    public static final int USAGE = 2;
    public static final int NOT_ALLOWED = 3;
    public static final int NOT_FOUND = 4;
    public static final int CLOSED = 5;
    public static final int UNAVAILABLE = 6;
    public static final int TIMED_OUT = 7;

    private ExitCodes() {
    }

    /** The exit code for a failure. */
    public static int of(Throwable failure) {
        if (failure instanceof OutputFailedException) {
            return ((OutputFailedException) failure).closedByReader() ? OK : UNEXPECTED;
        }
        if (failure instanceof CommandLine.ParameterException || failure instanceof UsageException
                || failure instanceof InvalidRequestException || failure instanceof ConfigFile.ConfigException) {
            return USAGE;
        }
        if (failure instanceof NotAuthorizedException || failure instanceof NotLoggedInException) {
            return NOT_ALLOWED;
        }
        if (failure instanceof NotFoundException) {
            return NOT_FOUND;
        }
        if (failure instanceof TicketClosedException) {
            return CLOSED;
        }
        if (failure instanceof UnavailableException) {
            return UNAVAILABLE;
        }
        if (failure instanceof WaitTimeoutException) {
            return TIMED_OUT;
        }
        return UNEXPECTED;
    }
}
