package dev.ticket.cli.command;

import dev.ticket.cli.Io;
import dev.ticket.cli.UsageException;
import java.io.Closeable;
import java.io.FilterInputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.jline.builtins.Completers;
import org.jline.reader.Completer;
import org.jline.reader.CompletingParsedLine;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.ParsedLine;
import org.jline.reader.Parser;
import org.jline.reader.UserInterruptException;
import org.jline.reader.impl.completer.StringsCompleter;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.jline.terminal.impl.DumbTerminal;

/**
 * Questions on a terminal with JLine (line editing, Tab completion). Built only when a command must
 * ask; prompts go to the terminal (or standard error), never to standard output.
 */
final class Prompter implements Closeable {
    private final Terminal terminal;

    /** On a given terminal (tests: one over streams that reads keys as a terminal does). */
    Prompter(Terminal terminal) {
        this.terminal = terminal;
    }

    Prompter(Io io) {
        try {
            terminal = io.systemTerminal()
                    ? TerminalBuilder.builder().system(true).build()
                    : new DumbTerminal("ticket", "dumb", new FilterInputStream(io.in()) {
                        @Override
                        public void close() {
                            // the Io's stream outlives the prompts
                        }
                    }, new FilterOutputStream(io.err()) {
                        @Override
                        public void close() throws IOException {
                            flush();
                        }
                    }, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the terminal", e);
        }
    }

    /** One line; Tab offers {@code choices}; {@code initial} is pre-filled. Ctrl-C or Ctrl-D cancels (exit 2). */
    String ask(String prompt, List<String> choices, String initial) {
        try {
            return read(prompt, new StringsCompleter(choices), initial);
        } catch (EndOfFileException e) {
            throw new UsageException("cancelled; nothing was sent");
        }
    }

    /**
     * A file's path, Tab completing names in the current directory as they are (spaces kept, no shell escapes); an
     * empty answer or end of input (Ctrl-D) is "no more" (empty); Ctrl-C cancels (exit 2).
     */
    String askPath(String prompt) {
        try {
            return read(prompt, new Completers.FileNameCompleter(), null);
        } catch (EndOfFileException e) {
            return "";
        }
    }

    private String read(String prompt, Completer completer, String initial) {
        LineReader reader = LineReaderBuilder.builder()
                .terminal(terminal)
                .completer(completer)
                .parser(new WholeLine())
                .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true)
                .build();
        try {
            return reader.readLine(prompt, null, initial == null ? "" : initial).strip();
        } catch (UserInterruptException e) {
            throw new UsageException("cancelled; nothing was sent");
        }
    }

    /**
     * The whole answer is one word: a choice may hold spaces ("AI employees"), and Tab inserts it as shown. JLine's
     * default parser splits at spaces and completes with shell escapes, which were stored as typed
     * ({@code AI\\ employees}).
     */
    static final class WholeLine implements Parser {
        @Override
        public ParsedLine parse(String line, int cursor, ParseContext context) {
            return new Answer(line, cursor);
        }

        private record Answer(String line, int cursor) implements CompletingParsedLine {
            @Override
            public String word() {
                return line;
            }

            @Override
            public int wordCursor() {
                return cursor;
            }

            @Override
            public int wordIndex() {
                return 0;
            }

            @Override
            public List<String> words() {
                return List.of(line);
            }

            @Override
            public CharSequence escape(CharSequence candidate, boolean complete) {
                return candidate;
            }

            @Override
            public int rawWordCursor() {
                return cursor;
            }

            @Override
            public int rawWordLength() {
                return line.length();
            }
        }
    }

    /** A secret, not echoed. */
    String secret(String prompt) {
        LineReader reader = LineReaderBuilder.builder().terminal(terminal).build();
        try {
            return reader.readLine(prompt, '*').strip();
        } catch (UserInterruptException | EndOfFileException e) {
            throw new UsageException("cancelled");
        }
    }

    /** Several lines, until a line holding only "." or end of input. */
    String lines(String intro) {
        terminal.writer().println(intro);
        terminal.writer().flush();
        LineReader reader = LineReaderBuilder.builder().terminal(terminal)
                .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true).build();
        List<String> lines = new ArrayList<>();
        try {
            for (String line = reader.readLine("> "); !".".equals(line.strip()); line = reader.readLine("> ")) {
                lines.add(line);
            }
        } catch (EndOfFileException e) {
            // end of input ends the message
        } catch (UserInterruptException e) {
            throw new UsageException("cancelled; nothing was sent");
        }
        return String.join("\n", lines);
    }

    void say(String line) {
        terminal.writer().println(line);
        terminal.writer().flush();
    }

    @Override
    public void close() {
        try {
            terminal.close();
        } catch (IOException ignored) {
            // nothing left to do with it
        }
    }
}
