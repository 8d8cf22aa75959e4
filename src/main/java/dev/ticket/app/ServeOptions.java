package dev.ticket.app;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * What {@code ticket serve} was asked for, as the command line gave it: plain values, no type of the service's.
 * {@link ServeSettings} checks them and turns them into the service's settings; a value it refuses is an
 * {@link Invalid}, worded with the option's name, which the command reports as a usage error (exit 2).
 * {@code dataDir} is already resolved ({@code --data}, else the default the command worked out).
 */
public record ServeOptions(String bind, int port, Path dataDir, String db, String zone, String hours,
                           String workdays, String holidays, List<String> topics, long maxFileSize, int maxFiles,
                           int dbPool, Path tlsCert, Path tlsKey, String writeRate, String accountQuota,
                           Duration headerTimeout, long minBodyRate, String authFailures, List<String> trustedProxies,
                           String minFreeSpace, int maxStreamsPerUser, int maxStreams, long streamBuffer,
                           Duration keepAlive, boolean requestLog) {

    /** A value of {@code ticket serve} the service cannot run with; the message names the option. */
    public static final class Invalid extends RuntimeException {
        Invalid(String message) {
            super(message);
        }
    }
}
