package dev.ticket.server;

import dev.ticket.model.ByteSizes;
import io.javalin.http.Context;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * {@code /healthz}: the process answers. {@code /readyz}: it can also reach its database, and the data directory
 * and the upload spool have at least {@code --min-free-space} free (else a load balancer should send writes
 * elsewhere; reads still work here).
 */
final class Probes {
    private final BooleanSupplier ready;
    private final List<Path> dirs;
    private final long minFreeSpace;

    Probes(BooleanSupplier ready, List<Path> dirs, long minFreeSpace) {
        this.ready = ready;
        this.dirs = List.copyOf(dirs);
        this.minFreeSpace = minFreeSpace;
    }

    void health(Context ctx) throws IOException {
        Responses.json(ctx, Map.of("status", "ok"));
    }

    void ready(Context ctx) throws IOException {
        if (!ready.getAsBoolean()) {
            Problems.send(ctx, 503, "unavailable", "Not ready", "The database does not answer.");
            return;
        }
        for (Path dir : dirs) {
            long free = usable(dir);
            if (free >= 0 && free < minFreeSpace) {
                ctx.header(Problems.RETRY_AFTER, "60");
                Problems.send(ctx, 503, "unavailable", "Not ready", "Only " + ByteSizes.human(free)
                        + " is free where the service stores data (under " + ByteSizes.human(minFreeSpace)
                        + ", --min-free-space); writes may fail with 507 until space is freed.");
                return;
            }
        }
        Responses.json(ctx, Map.of("status", "ready"));
    }

    /** Free bytes for this process on the file system holding {@code dir}, or -1 when it cannot be read. */
    private static long usable(Path dir) {
        try {
            return Files.getFileStore(dir).getUsableSpace();
        } catch (IOException e) {
            return -1;
        }
    }
}
