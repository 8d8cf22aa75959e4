package dev.ticket.server;

import dev.ticket.service.BusinessHours;
import dev.ticket.service.ServiceSettings;
import java.nio.file.Path;

/**
 * How {@code ticket serve} runs: where it listens, where data lives ({@code dbUrl} null means SQLite
 * in {@code dataDir}), business hours and service limits; {@code tls} null means plain HTTP.
 */
public record ServerSettings(String bind, int port, Path dataDir, String dbUrl, BusinessHours hours,
                             ServiceSettings service, int dbPoolSize, boolean requestLog, Guards guards,
                             TlsIdentity tls) {

    public ServerSettings(String bind, int port, Path dataDir, String dbUrl, BusinessHours hours,
                          ServiceSettings service, int dbPoolSize, boolean requestLog) {
        this(bind, port, dataDir, dbUrl, hours, service, dbPoolSize, requestLog, Guards.defaults(), null);
    }

    public static ServerSettings sqlite(Path dataDir, int port) {
        return new ServerSettings("127.0.0.1", port, dataDir, null, BusinessHours.defaults(),
                ServiceSettings.defaults(), 8, false);
    }

    public ServerSettings withHours(BusinessHours value) {
        return new ServerSettings(bind, port, dataDir, dbUrl, value, service, dbPoolSize, requestLog, guards, tls);
    }

    public ServerSettings withService(ServiceSettings value) {
        return new ServerSettings(bind, port, dataDir, dbUrl, hours, value, dbPoolSize, requestLog, guards, tls);
    }

    public ServerSettings withRequestLog(boolean value) {
        return new ServerSettings(bind, port, dataDir, dbUrl, hours, service, dbPoolSize, value, guards, tls);
    }

    public ServerSettings withGuards(Guards value) {
        return new ServerSettings(bind, port, dataDir, dbUrl, hours, service, dbPoolSize, requestLog, value, tls);
    }

    public ServerSettings withTls(TlsIdentity value) {
        return new ServerSettings(bind, port, dataDir, dbUrl, hours, service, dbPoolSize, requestLog, guards, value);
    }
}
