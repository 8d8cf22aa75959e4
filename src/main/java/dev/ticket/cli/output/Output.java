package dev.ticket.cli.output;

import dev.ticket.cli.GlobalOptions;
import dev.ticket.cli.Io;
import dev.ticket.client.ClientJson;
import java.io.IOException;
import java.io.PrintStream;
import java.time.Clock;
import java.util.List;
import java.util.function.Function;
import java.util.function.ToLongFunction;

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
        List<String> fields = options.jsonFields();
        try {
            if (fields.isEmpty() && jq == null) {
                io.out().println(ClientJson.writePretty(document));
            } else {
                emit(JsonFieldFilter.keep(ClientJson.write(document), fields, jq == null));
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot print JSON", e);
        }
    }

    /** Prints one JSON document on one line (JSON Lines, for a stream): the --json FIELDS, through --jq. */
    public void printJsonLine(Object document) {
        try {
            emit(JsonFieldFilter.keep(ClientJson.write(document), options.jsonFields(), false));
        } catch (IOException e) {
            throw new IllegalStateException("cannot print JSON", e);
        }
    }

    private void emit(String json) throws IOException {
        if (jq == null) {
            io.out().println(json);
        } else {
            jq.print(json, io.out());
        }
    }

    /**
     * For scripts: with --json prints the document, with -q the id; true when it printed, so that the caller
     * prints its text for people only when this is false.
     */
    public boolean printedForScripts(Object document, long id) {
        if (json()) {
            printJson(document);
        } else if (quiet()) {
            println(Long.toString(id));
        } else {
            return false;
        }
        return true;
    }

    /** {@link #printedForScripts} for a list: the array (--json) or each element's id on a line (-q). */
    public <T> boolean listedForScripts(List<T> documents, ToLongFunction<T> id) {
        if (json()) {
            printJson(documents);
        } else if (quiet()) {
            documents.forEach(document -> println(Long.toString(id.applyAsLong(document))));
        } else {
            return false;
        }
        return true;
    }

    /** A list: for scripts as {@link #listedForScripts}; for people {@code table}, a row of cells a document. */
    public <T> void list(List<T> documents, ToLongFunction<T> id, Table table, Function<T, String[]> cells) {
        if (!listedForScripts(documents, id)) {
            documents.forEach(document -> table.row(cells.apply(document)));
            table.print(out(), style(), 0, (column, text) -> text);
        }
    }

    /** How tickets and messages are printed here: as a chat the terminal's width, else a plain transcript. */
    public Transcript transcript() {
        return new Transcript(style(), formats(), io.isTty(), io.isTty() ? io.columns().getAsInt() : 80);
    }

    public void println(String line) {
        io.out().println(line);
    }

    /** A remark for people (standard error), e.g. that a list was cut. */
    public void note(String line) {
        io.err().println(line);
    }
}
