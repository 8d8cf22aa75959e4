package dev.ticket.tui;

import java.util.ArrayList;
import java.util.List;

/** The result of {@link Update}: the next model and the commands to run, in order. */
public record Step(TuiModel model, List<Cmd> commands) {
    public Step {
        commands = List.copyOf(commands);
    }

    public static Step of(TuiModel model, Cmd... commands) {
        return new Step(model, List.of(commands));
    }

    /** This step followed by more commands. */
    public Step and(Cmd... more) {
        List<Cmd> all = new ArrayList<>(commands);
        all.addAll(List.of(more));
        return new Step(model, all);
    }
}
