package dev.ticket.cli;

import dev.ticket.client.ApiException;
import dev.ticket.client.NotAuthorizedException;
import dev.ticket.client.TicketClosedException;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.ParseResult;

/** Prints a failure as one sentence on standard error (a stack trace only with --verbose) and picks its exit code. */
final class ErrorReporter implements CommandLine.IExecutionExceptionHandler {
    private final Io io;

    ErrorReporter(Io io) {
        this.io = io;
    }

    @Override
    public int handleExecutionException(Exception failure, CommandLine command, ParseResult parsed) {
        io.err().println("ticket: " + sentence(failure));
        if (verbose(parsed)) {
            failure.printStackTrace(io.err());
        }
        io.err().flush();
        return ExitCodes.of(failure);
    }

    /** Bad flags or arguments: the problem and where to read more, exit 2. */
    static int usage(CommandLine.ParameterException failure, String[] args) {
        CommandLine command = failure.getCommandLine();
        PrintWriter err = command.getErr();
        err.println("ticket: " + failure.getMessage());
        err.println("See '" + command.getCommandSpec().qualifiedName() + " --help'.");
        err.flush();
        return ExitCodes.USAGE;
    }

    static String sentence(Throwable failure) {
        if (failure instanceof TicketClosedException) {
            String text = failure.getMessage();
            return text.contains("--ref") ? text : text + "; open a new ticket that references it (ticket new --ref N)";
        }
        if (failure instanceof NotAuthorizedException && ((ApiException) failure).status() == 401) {
            // the service's own detail may already say how to log in: one hint, not two
            String text = failure.getMessage();
            return text.contains("ticket login") ? text : text + " (log in with 'ticket login', or set TICKET_TOKEN)";
        }
        if (failure instanceof ApiException || failure instanceof UsageException
                || failure instanceof NotLoggedInException || failure instanceof WaitTimeoutException
                || failure instanceof ConfigFile.ConfigException) {
            return failure.getMessage();
        }
        String detail = failure.getMessage() == null ? "" : ": " + failure.getMessage();
        return "unexpected error (" + failure.getClass().getSimpleName() + detail + "); run with --verbose for details";
    }

    private static boolean verbose(ParseResult parsed) {
        for (ParseResult p = parsed; p != null; p = p.subcommand()) {
            if (p.hasMatchedOption("--verbose")) {
                return true;
            }
        }
        return false;
    }
}
