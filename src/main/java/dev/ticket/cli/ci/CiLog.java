package dev.ticket.cli.ci;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * What the ticket needs from a CI log, gathered in one streaming pass that also writes the redacted copy
 * (the attachment): the last lines and the first error line, both already redacted.
 */
public record CiLog(List<String> tail, String firstErrorLine, long lineCount) {
    /** Lines longer than this are shortened in the message body (the attachment keeps them whole). */
    static final int MAX_TAIL_LINE = 1000;

    /** No log was given. */
    public static final CiLog NONE = new CiLog(List.of(), null, 0);

    public CiLog {
        tail = List.copyOf(tail);
    }

    /** Reads {@code in} once, writing its redacted copy to {@code redactedOut} and keeping the last {@code tailLines}. */
    public static CiLog scan(Reader in, Writer redactedOut, Redactor redactor, int tailLines) throws IOException {
        if (tailLines < 0) {
            throw new IllegalArgumentException("The number of log lines must not be negative, not " + tailLines + ".");
        }
        Redactor.Lines session = redactor.lines();
        Deque<String> tail = new ArrayDeque<>();
        String[] firstError = {null};
        long[] count = {0};
        LogLines.read(in, (line, terminator) -> {
            String redacted = session.next(line);
            if (redacted == null) {
                return;
            }
            redactedOut.write(redacted);
            redactedOut.write(terminator);
            count[0]++;
            String shown = forBody(redacted);
            if (firstError[0] == null && Fingerprint.isErrorLine(shown)) {
                firstError[0] = shown;
            }
            if (tailLines > 0) {
                if (tail.size() == tailLines) {
                    tail.removeFirst();
                }
                tail.addLast(shown);
            }
        });
        redactedOut.flush();
        return new CiLog(List.copyOf(tail), firstError[0], count[0]);
    }

    /** A progress bar rewrites its line with carriage returns: show what the terminal showed last. */
    private static String forBody(String line) {
        String shown = line;
        int cr = shown.lastIndexOf('\r', shown.length() - 2);
        if (cr >= 0) {
            shown = shown.substring(cr + 1);
        }
        shown = shown.replace("\r", "");
        return shown.length() > MAX_TAIL_LINE ? shown.substring(0, MAX_TAIL_LINE) + "…" : shown;
    }
}
