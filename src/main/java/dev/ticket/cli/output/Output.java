package dev.ticket.cli.output;

import dev.ticket.cli.GlobalOptions;
import dev.ticket.cli.Io;
import dev.ticket.client.ClientJson;
import java.io.IOException;
import java.io.PrintStream;
import java.time.Clock;

/** How a command prints: JSON (the API's documents), ids only, or human text with optional colour. */
public final class Output {
    private final Io io;
    private final GlobalOptions options;
    private final Clock clock;
    private final Style style;
    private JqFilter jq;

    public Output(Io io, GlobalOptions options, Clock clock) {
        this.io = io;
        this.options = options;
        this.clock = clock;
        this.style = new Style(io.color(options.noColor()));
    }

    public boolean json() {
        return options.json();
    }

    public boolean quiet() {
        return options.quiet() && !options.json();
    }

    public boolean human() {
        return !json() && !quiet();
    }

    public Style style() {
        return style;
    }

    public Formats formats() {
        return new Formats(clock);
    }

    public PrintStream out() {
        return io.out();
    }

    /** The compiled --jq expression, set before the command runs. */
    public void jq(JqFilter filter) {
        this.jq = filter;
    }

    /** Prints one JSON document on standard output: only the --json FIELDS, through --jq when given. */
    public void printJson(Object document) {
        try {
            java.util.List<String> fields = options.jsonFields();
            if (fields.isEmpty() && jq == null) {
                io.out().println(ClientJson.writePretty(document));
                return;
            }
            String json = JsonFieldFilter.keep(ClientJson.write(document), fields, jq == null);
            if (jq == null) {
                io.out().println(json);
            } else {
                jq.print(json, io.out());
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot print JSON", e);
        }
    }

    /** Prints one JSON document on one line (JSON Lines, for a stream): the --json FIELDS, through --jq. */
    public void printJsonLine(Object document) {
        try {
            String json = JsonFieldFilter.keep(ClientJson.write(document), options.jsonFields(), false);
            if (jq == null) {
                io.out().println(json);
            } else {
                jq.print(json, io.out());
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot print JSON", e);
        }
    }

    public void println(String line) {
        io.out().println(line);
    }

    /** A remark for people (standard error), e.g. that a list was cut. */
    public void note(String line) {
        io.err().println(line);
    }
}
