package dev.ticket.cli.command;

import dev.ticket.cli.output.Output;
import dev.ticket.client.EventFollower;

/** Follows events and tells people (unless -q) on standard error when the stream is lost and when it is back. */
abstract class NotingHandler implements EventFollower.Handler {
    private final Output out;
    private final boolean quiet;
    private final String whenBack;
    private boolean lost;

    /** {@code whenBack}: what the note says after "Reconnected to the service; ", e.g. "still waiting...". */
    NotingHandler(Output out, boolean quiet, String whenBack) {
        this.out = out;
        this.quiet = quiet;
        this.whenBack = whenBack;
    }

    /** Notes that the stream is back if it was lost; the first thing {@link #onConnected} does. */
    protected final void noteConnected() {
        if (lost && !quiet) {
            out.note("Reconnected to the service; " + whenBack);
        }
        lost = false;
    }

    @Override
    public void onReconnecting(RuntimeException cause) {
        if (!lost && !quiet) {
            out.note("Lost the connection to the service; reconnecting...");
        }
        lost = true;
    }
}
