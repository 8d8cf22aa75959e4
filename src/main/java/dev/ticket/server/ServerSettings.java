package dev.ticket.server;

import dev.ticket.service.BusinessHours;
import dev.ticket.service.ServiceSettings;
import java.nio.file.Path;

/**
 * How {@code ticket serve} runs: where it listens, where data lives ({@code dbUrl} null means SQLite
 * in {@code dataDir}), business hours, service limits, event stream limits and the guards against abuse;
 * {@code tls} null means plain HTTP.
 */
public record ServerSettings(String bind, int port, Path dataDir, String dbUrl, BusinessHours hours,
                             ServiceSettings service, int dbPoolSize, boolean requestLog,
                             StreamSettings streams, Guards guards, TlsIdentity tls) {

    /** With the default stream limits and guards, over plain HTTP. */
    public ServerSettings(String bind, int port, Path dataDir, String dbUrl, BusinessHours hours,
                          ServiceSettings service, int dbPoolSize, boolean requestLog) {
        this(bind, port, dataDir, dbUrl, hours, service, dbPoolSize, requestLog, StreamSettings.defaults(),
                Guards.defaults(), null);
    }

    public static ServerSettings sqlite(Path dataDir, int port) {
        return new ServerSettings("127.0.0.1", port, dataDir, null, BusinessHours.defaults(),
                ServiceSettings.defaults(), 8, false);
    }

    public ServerSettings withService(ServiceSettings value) {
        return new ServerSettings(bind, port, dataDir, dbUrl, hours, value, dbPoolSize, requestLog, streams,
                guards, tls);
    }

    public ServerSettings withRequestLog(boolean value) {
        return new ServerSettings(bind, port, dataDir, dbUrl, hours, service, dbPoolSize, value, streams,
                guards, tls);
    }

    public ServerSettings withStreams(StreamSettings value) {
        return new ServerSettings(bind, port, dataDir, dbUrl, hours, service, dbPoolSize, requestLog, value,
                guards, tls);
    }

    public ServerSettings withGuards(Guards value) {
        return new ServerSettings(bind, port, dataDir, dbUrl, hours, service, dbPoolSize, requestLog, streams,
                value, tls);
    }

    public ServerSettings withTls(TlsIdentity value) {
        return new ServerSettings(bind, port, dataDir, dbUrl, hours, service, dbPoolSize, requestLog, streams,
                guards, value);
    }
}
