package dev.ticket.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code ticket serve}: runs the service. Filled in with the server. */
@Command(name = "serve", description = "Run the ticket service.")
public class ServeCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        return 0;
    }
}
