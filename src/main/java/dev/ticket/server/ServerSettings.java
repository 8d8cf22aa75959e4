package dev.ticket.server;

import dev.ticket.service.BusinessHours;
import dev.ticket.service.ServiceSettings;
import java.nio.file.Path;

/**
 * How {@code ticket serve} runs: where it listens, where data lives ({@code dbUrl} null means SQLite
 * in {@code dataDir}), business hours, service limits and event stream limits.
 */
public record ServerSettings(String bind, int port, Path dataDir, String dbUrl, BusinessHours hours,
                             ServiceSettings service, int dbPoolSize, boolean requestLog,
                             StreamSettings streams) {

    public static ServerSettings sqlite(Path dataDir, int port) {
        return new ServerSettings("127.0.0.1", port, dataDir, null, BusinessHours.defaults(),
                ServiceSettings.defaults(), 8, false, StreamSettings.defaults());
    }

    public ServerSettings withHours(BusinessHours value) {
        return new ServerSettings(bind, port, dataDir, dbUrl, value, service, dbPoolSize, requestLog, streams);
    }

    public ServerSettings withService(ServiceSettings value) {
        return new ServerSettings(bind, port, dataDir, dbUrl, hours, value, dbPoolSize, requestLog, streams);
    }

    public ServerSettings withStreams(StreamSettings value) {
        return new ServerSettings(bind, port, dataDir, dbUrl, hours, service, dbPoolSize, requestLog, value);
    }

    public ServerSettings withRequestLog(boolean value) {
        return new ServerSettings(bind, port, dataDir, dbUrl, hours, service, dbPoolSize, value, streams);
    }
}
