package dev.ticket.cli;

import java.time.Clock;

/** A command that receives the process's {@link Io} and {@link Clock} from {@link CommandFactory}. */
public interface Injectable {
    void inject(Io io, Clock clock);
}
