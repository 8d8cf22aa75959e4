package dev.ticket.server;

import io.javalin.http.Context;
import java.io.IOException;
import java.util.Map;
import java.util.function.BooleanSupplier;

/** {@code /healthz}: the process answers. {@code /readyz}: it can also reach its database. */
final class Probes {
    private final BooleanSupplier ready;

    Probes(BooleanSupplier ready) {
        this.ready = ready;
    }

    void health(Context ctx) throws IOException {
        Responses.json(ctx, Map.of("status", "ok"));
    }

    void ready(Context ctx) throws IOException {
        if (ready.getAsBoolean()) {
            Responses.json(ctx, Map.of("status", "ready"));
        } else {
            Problems.send(ctx, 503, "unavailable", "Not ready", "The database does not answer.");
        }
    }
}
