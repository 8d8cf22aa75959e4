package dev.ticket.cli;

import dev.ticket.cli.config.ConfigFile;
import dev.ticket.client.ApiException;
import dev.ticket.client.InvalidRequestException;
import dev.ticket.client.NotAuthorizedException;
import dev.ticket.client.TicketClosedException;
import dev.ticket.model.TerminalText;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.ParseResult;

/** Prints a failure as one sentence on standard error (a stack trace only with --verbose) and picks its exit code. */
public final class ErrorReporter implements CommandLine.IExecutionExceptionHandler {
    private final Io io;

    ErrorReporter(Io io) {
        this.io = io;
    }

    @Override
    public int handleExecutionException(Exception failure, CommandLine command, ParseResult parsed) {
        if (failure instanceof OutputFailedException && ((OutputFailedException) failure).closedByReader()) {
            return ExitCodes.of(failure); // the reader of the pipe has all it wanted: nothing to report
        }
        String sentence = sentence(failure);
        if (failure instanceof InvalidRequestException && command.getCommand() instanceof BaseCommand) {
            sentence = ((BaseCommand) command.getCommand()).withFlags(sentence);
        }
        io.err().println("ticket: " + shown(sentence, failure) + requestId(failure));
        if (verbose(parsed)) {
            failure.printStackTrace(io.err());
        }
        io.err().flush();
        return ExitCodes.of(failure);
    }

    /**
     * For a failure of the service (5xx, 429, or no answer to a request that reached it): which request, so the
     * user can quote it and the operator find its log line. Not for refusals the user can act on alone.
     */
    static String requestId(Throwable failure) {
        if (failure instanceof ApiException api && api.requestId() != null
                && (api.status() == 0 || api.status() >= 500 || api.status() == 429)) {
            return " (request id " + TerminalText.inertLine(api.requestId()) + ")";
        }
        return "";
    }

    /** Bad flags or arguments: the problem and where to read more, exit 2. */
    static int usage(CommandLine.ParameterException failure, String[] args) {
        CommandLine command = failure.getCommandLine();
        PrintWriter err = command.getErr();
        err.println("ticket: " + houseStyle(unknownCommand(failure)) + suggestion(failure));
        err.println("See '" + command.getCommandSpec().qualifiedName() + " --help'.");
        err.flush();
        return ExitCodes.USAGE;
    }

    /**
     * Picocli's own messages in the words of ours: lower case, a bad value named by its option first
     * ("--log-format: 'xml' is not one of text, json"), not "Invalid value for option '--log-format': ...", and
     * no Java type ("--port: 'abc' is not a number", not "is not an int").
     */
    static String houseStyle(String message) {
        String text = Patterns.INVALID_VALUE.matcher(message).replaceFirst("$1$2: ");
        text = Patterns.JAVA_NUMBER.matcher(text).replaceFirst("' is not a number"); // not "is not an int"
        return Patterns.CAPITALISED.matcher(text).matches()
                ? Character.toLowerCase(text.charAt(0)) + text.substring(1)
                : text;
    }

    /**
     * A word where a subcommand goes that names none: "unknown command 'ticket lsit'", as 'ticket help' says; words
     * a command takes no place for: "unexpected argument 'extra'".
     */
    private static String unknownCommand(CommandLine.ParameterException failure) {
        if (failure instanceof CommandLine.UnmatchedArgumentException unmatched && !unmatched.getUnmatched().isEmpty()
                && !unmatched.getUnmatched().get(0).startsWith("-")
                && !failure.getCommandLine().getSubcommands().isEmpty()) {
            return "unknown command '" + failure.getCommandLine().getCommandSpec().qualifiedName() + " "
                    + TerminalText.inertLine(unmatched.getUnmatched().get(0)) + "'";
        }
        if (failure instanceof CommandLine.UnmatchedArgumentException unmatched && !unmatched.getUnmatched().isEmpty()
                && unmatched.getUnmatched().stream().noneMatch(arg -> arg.startsWith("-"))) {
            // picocli's "Unmatched argument at index 1" counts positions the user does not see
            List<String> extra = unmatched.getUnmatched();
            return "unexpected argument" + (extra.size() == 1 ? " " : "s ") + extra.stream()
                    .map(arg -> "'" + TerminalText.inertLine(arg) + "'").collect(Collectors.joining(", "));
        }
        return failure.getMessage();
    }

    /** Compiled on the first error, not when every command sets this reporter up. */
    private static final class Patterns {
        static final java.util.regex.Pattern INVALID_VALUE =
                java.util.regex.Pattern.compile("^Invalid value for (?:option '([^']+)'(?: \\([^)]*\\))?"
                        + "|positional parameter at index \\d+ \\(([^)]*)\\)): ");
        static final java.util.regex.Pattern JAVA_NUMBER =
                java.util.regex.Pattern.compile("' is not an? (?:int|long|short|byte|integer|double|float)\\b");
        static final java.util.regex.Pattern CAPITALISED = java.util.regex.Pattern.compile("^[A-Z][a-z]+\\b.*",
                java.util.regex.Pattern.DOTALL);
    }

    /**
     * For a misspelt command or option, what was probably meant, as "gh lsit" suggests "list". Picocli's own
     * suggestions (bigram similarity) offer "wait" for "lsit"; an edit distance that counts a swap of two
     * neighbouring letters as one edit gets typing slips right.
     */
    static String suggestion(CommandLine.ParameterException failure) {
        if (!(failure instanceof CommandLine.UnmatchedArgumentException)
                || ((CommandLine.UnmatchedArgumentException) failure).getUnmatched().isEmpty()) {
            return "";
        }
        String typed = ((CommandLine.UnmatchedArgumentException) failure).getUnmatched().get(0);
        CommandLine.Model.CommandSpec spec = failure.getCommandLine().getCommandSpec();
        List<String> names = new ArrayList<>();
        if (typed.startsWith("-")) {
            typed = typed.replaceFirst("=.*", "");
            spec.options().forEach(o -> names.addAll(List.of(o.names())));
        } else {
            names.addAll(spec.subcommands().keySet());
        }
        int allowed = typed.length() >= 5 ? 2 : 1;
        String word = typed;
        List<String> close = names.stream().filter(n -> editDistance(word, n) <= allowed)
                .sorted(Comparator.comparingInt((String n) -> editDistance(word, n))).distinct().limit(3).toList();
        return close.isEmpty() ? ""
                : " (did you mean " + close.stream().map(n -> "'" + n + "'").collect(Collectors.joining(" or ")) + "?)";
    }

    /** Edits (insert, delete, replace, swap of neighbours) from {@code a} to {@code b}: optimal string alignment. */
    static int editDistance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            for (int j = 0; j <= b.length(); j++) {
                if (i == 0 || j == 0) {
                    d[i][j] = i + j;
                    continue;
                }
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }

    /** The sentence made safe for a terminal: a service's detail is one line of inert text, ours keep newlines. */
    public static String shown(String sentence, Throwable failure) {
        return failure instanceof ApiException ? TerminalText.inertLine(sentence) : TerminalText.inert(sentence);
    }

    public static String sentence(Throwable failure) {
        if (failure instanceof TicketClosedException) {
            String text = failure.getMessage();
            return text.contains("--ref") ? text : text + "; open a new ticket that references it (ticket new --ref N)";
        }
        if (failure instanceof NotAuthorizedException && ((ApiException) failure).status() == 401) {
            // the service's own detail may already say how to log in, or that logging in will not help (a
            // disabled user): one hint, not two
            String text = failure.getMessage();
            return text.contains("ticket login") || text.contains("ticket admin user enable") ? text : text + " (log in with 'ticket login', or set TICKET_TOKEN)";
        }
        if (failure instanceof ApiException || failure instanceof UsageException
                || failure instanceof NotLoggedInException || failure instanceof WaitTimeoutException
                || failure instanceof ConfigFile.ConfigException || failure instanceof OutputFailedException) {
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
