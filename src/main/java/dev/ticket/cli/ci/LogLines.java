package dev.ticket.cli.ci;

import java.io.IOException;
import java.io.Reader;

/** Splits a character stream into lines, keeping each line's terminator so a redacted copy is byte-faithful. */
final class LogLines {
    /** Longer lines are cut (at the last space when there is one, so a token is rarely split) to bound memory. */
    static final int MAX_LINE = 1 << 20;

    interface LineHandler {
        void line(String content, String terminator) throws IOException;
    }

    private LogLines() {
    }

    static void read(Reader in, LineHandler handler) throws IOException {
        char[] buffer = new char[8192];
        StringBuilder line = new StringBuilder();
        int n;
        while ((n = in.read(buffer)) != -1) {
            for (int i = 0; i < n; i++) {
                char c = buffer[i];
                if (c == '\n') {
                    boolean crlf = line.length() > 0 && line.charAt(line.length() - 1) == '\r';
                    if (crlf) {
                        line.setLength(line.length() - 1);
                    }
                    handler.line(line.toString(), crlf ? "\r\n" : "\n");
                    line.setLength(0);
                } else {
                    line.append(c);
                    if (line.length() >= MAX_LINE) {
                        emitPart(line, handler);
                    }
                }
            }
        }
        if (line.length() > 0) {
            handler.line(line.toString(), "");
        }
    }

    private static void emitPart(StringBuilder line, LineHandler handler) throws IOException {
        int cut = line.lastIndexOf(" ");
        cut = cut <= 0 ? line.length() : cut + 1;
        handler.line(line.substring(0, cut), "");
        line.delete(0, cut);
    }
}
