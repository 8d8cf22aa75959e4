package dev.ticket.app;

import dev.ticket.model.ByteSizes;
import dev.ticket.server.Guards;
import dev.ticket.server.ServerSettings;
import dev.ticket.server.StreamSettings;
import dev.ticket.server.TlsIdentity;
import dev.ticket.service.BusinessHours;
import dev.ticket.service.ServiceSettings;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Turns the options of {@code ticket serve} into the service's settings, refusing a value it cannot run with. */
public final class ServeSettings {
    private static final Pattern RATE = Pattern.compile("\\s*(\\d{1,9})\\s*(?:/\\s*(min|m|s|sec|h))?\\s*");

    private ServeSettings() {
    }

    /** The settings; an {@link ServeOptions.Invalid} for the first value that is wrong. */
    public static ServerSettings of(ServeOptions o) {
        BusinessHours businessHours;
        try {
            businessHours = BusinessHours.parse(o.zone(), o.hours(), o.workdays(), o.holidays());
        } catch (IllegalArgumentException e) {
            throw new ServeOptions.Invalid(e.getMessage());
        }
        if (o.port() < 0 || o.port() > 65535) {
            throw new ServeOptions.Invalid("--port must be between 0 and 65535.");
        }
        if (o.maxFileSize() < 1 || o.maxFiles() < 1 || o.dbPool() < 1) {
            throw new ServeOptions.Invalid("--max-file-size, --max-files and --db-pool must be positive.");
        }
        if (o.db() != null && !o.db().startsWith("jdbc:postgresql:")) {
            throw new ServeOptions.Invalid("--db takes a PostgreSQL JDBC URL: jdbc:postgresql://HOST/DB");
        }
        TlsIdentity tls = null;
        if ((o.tlsCert() == null) != (o.tlsKey() == null)) {
            throw new ServeOptions.Invalid("--tls-cert and --tls-key go together: give both "
                    + "to serve HTTPS, or neither.");
        }
        if (o.tlsCert() != null) {
            try {
                tls = TlsIdentity.load(o.tlsCert(), o.tlsKey());
            } catch (IllegalArgumentException e) {
                throw new ServeOptions.Invalid("TLS: " + e.getMessage() + ".");
            }
        }
        if (o.maxStreamsPerUser() < 1 || o.maxStreams() < 1 || o.streamBuffer() < 1) {
            throw new ServeOptions.Invalid(
                    "--max-streams-per-user, --max-streams and --stream-buffer must be positive.");
        }
        if (o.keepAlive().isZero() || o.keepAlive().isNegative()
                || o.keepAlive().compareTo(StreamSettings.DEFAULT_KEEPALIVE) > 0) {
            throw new ServeOptions.Invalid("--keepalive must be more than 0 and at most 15s.");
        }
        StreamSettings streams = new StreamSettings(o.maxStreamsPerUser(), o.maxStreams(), o.streamBuffer(),
                o.keepAlive());
        ServiceSettings service = new ServiceSettings(o.topics() == null ? ServiceSettings.DEFAULT_TOPICS
                : o.topics().stream().map(String::strip).filter(t -> !t.isEmpty()).toList(), o.maxFileSize(),
                o.maxFiles(), 100_000, o.accountQuota() == null ? 0 : size("--account-quota", o.accountQuota()));
        return new ServerSettings(o.bind(), o.port(), o.dataDir(), o.db(), businessHours, service, o.dbPool(),
                o.requestLog(), streams, guards(o), tls);
    }

    private static Guards guards(ServeOptions o) {
        if (o.headerTimeout().isNegative() || o.headerTimeout().isZero() || o.minBodyRate() < 0) {
            throw new ServeOptions.Invalid("--header-timeout must be positive and --min-body-rate 0 or more.");
        }
        List<String> proxies = o.trustedProxies() == null ? List.of()
                : o.trustedProxies().stream().map(String::strip).toList();
        for (String cidr : proxies) {
            try {
                Guards.validateProxy(cidr);
            } catch (IllegalArgumentException e) {
                throw new ServeOptions.Invalid(e.getMessage() + ".");
            }
        }
        return new Guards(perMinute("--write-rate", o.writeRate()), o.headerTimeout(), o.minBodyRate(),
                perMinute("--auth-failures", o.authFailures()), proxies, size("--min-free-space", o.minFreeSpace()));
    }

    /** {@code 6000/min}, {@code 100/s} or a bare count a minute. */
    private static int perMinute(String option, String value) {
        Matcher m = RATE.matcher(value);
        if (!m.matches()) {
            throw new ServeOptions.Invalid(option + " takes a rate such as 6000/min (0 = off), not '" + value + "'.");
        }
        long n = Long.parseLong(m.group(1));
        String unit = m.group(2) == null ? "min" : m.group(2);
        long perMinute = unit.startsWith("s") ? n * 60 : unit.equals("h") ? (n + 59) / 60 : n;
        return (int) Math.min(Integer.MAX_VALUE, perMinute);
    }

    private static long size(String option, String value) {
        try {
            return ByteSizes.parse(value);
        } catch (IllegalArgumentException e) {
            throw new ServeOptions.Invalid(option + ": " + e.getMessage() + ".");
        }
    }
}
