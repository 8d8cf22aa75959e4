package dev.ticket.cli;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/**
 * Standard output could not be written (rules.md, contract): a full disk is exit 1 with one line on standard error; a
 * reader that closed the pipe ({@code ticket list | head}) ends the command quietly, exit 0. A
 * {@link java.io.PrintStream} keeps such failures to itself; {@link #checked} lets them out, so a command
 * stops at the first write that fails instead of going on (and reporting success) into the void.
 */
public final class OutputFailedException extends RuntimeException {
    private final boolean closedByReader;

    OutputFailedException(IOException cause) {
        super("cannot write to standard output (" + reason(cause) + ")", cause);
        this.closedByReader = closedByReader(cause);
    }

    /** The pipe's reader went away: nothing to say, nobody to say it to. */
    public boolean closedByReader() {
        return closedByReader;
    }

    /** {@code out}, throwing this exception where it would have thrown an {@link IOException}. */
    public static OutputStream checked(OutputStream out) {
        return new FilterOutputStream(out) {
            @Override
            public void write(int b) {
                try {
                    out.write(b);
                } catch (IOException e) {
                    throw new OutputFailedException(e);
                }
            }

            @Override
            public void write(byte[] b, int off, int len) {
                try {
                    out.write(b, off, len);
                } catch (IOException e) {
                    throw new OutputFailedException(e);
                }
            }

            @Override
            public void flush() {
                try {
                    out.flush();
                } catch (IOException e) {
                    throw new OutputFailedException(e);
                }
            }
        };
    }

    private static boolean closedByReader(IOException e) {
        String message = String.valueOf(e.getMessage());
        return message.contains("Broken pipe") || message.contains("EPIPE");
    }

    private static String reason(IOException e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
