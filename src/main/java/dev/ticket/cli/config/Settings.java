package dev.ticket.cli.config;

import dev.ticket.cli.GlobalOptions;
import dev.ticket.cli.UsageException;
import dev.ticket.client.ClientConfig;
import dev.ticket.client.TrustedCertificates;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Where to connect and as whom, resolved flag &gt; environment ({@code TICKET_SERVER},
 * {@code TICKET_TOKEN}, {@code TICKET_PROFILE}) &gt; config file &gt; default server; and how to trust it
 * ({@code --ca-file}/{@code TICKET_CA_FILE}, {@code --allow-http}/{@code TICKET_ALLOW_HTTP=1}).
 */
public record Settings(String profile, String server, String token, ConfigFile config, String caFile,
                       boolean allowHttp, String profileFrom, String tokenFrom) {
    public static final String DEFAULT_SERVER = "http://127.0.0.1:8765";

    public static Settings resolve(GlobalOptions options, Map<String, String> env) {
        ConfigFile config = ConfigFile.load(env);
        String profile = first(options.profile(), env.get("TICKET_PROFILE"), config.currentProfile());
        ConfigFile.Profile saved = config.profile(profile).orElse(new ConfigFile.Profile(null, null));
        String server = first(options.server(), env.get("TICKET_SERVER"), saved.server(), DEFAULT_SERVER);
        String token = first(options.token(), env.get("TICKET_TOKEN"), saved.token());
        String caFile = first(options.caFile(), env.get("TICKET_CA_FILE"));
        String allow = env.getOrDefault("TICKET_ALLOW_HTTP", "").strip();
        boolean allowHttp = options.allowHttp() || allow.equals("1") || allow.equalsIgnoreCase("true");
        return new Settings(profile, server, token, config, caFile, allowHttp,
                from(options.profile(), "--profile", env.get("TICKET_PROFILE"), "TICKET_PROFILE"),
                from(options.token(), "--token", env.get("TICKET_TOKEN"), "TICKET_TOKEN"));
    }

    /**
     * Which of a flag and its variable {@link #first} took ({@code profileFrom}, {@code tokenFrom}: "--profile",
     * "TICKET_PROFILE"...), or null when neither was given and the value is the config file's.
     */
    private static String from(String flag, String flagName, String variable, String variableName) {
        return first(flag) != null ? flagName : first(variable) != null ? variableName : null;
    }

    /** The server as a URI; a usage error unless it is an http(s) URL. */
    public URI serverUri() {
        try {
            URI uri = new URI(server.strip());
            String scheme = uri.getScheme();
            if (("http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme)) && uri.getHost() != null) {
                return uri;
            }
        } catch (URISyntaxException e) {
            // reported below
        }
        throw new UsageException("the server '" + server + "' is not an http(s) URL");
    }

    /**
     * How the client connects to send {@code token}: a usage error for plain http to a host that is not this
     * machine (decided from the URL alone, before anything is sent) unless allowed; the CA file read for https.
     */
    public ClientConfig clientConfig(String token) {
        URI uri = serverUri();
        ClientConfig config = ClientConfig.of(uri, token);
        if ("http".equalsIgnoreCase(uri.getScheme())) {
            if (token != null && !allowHttp && !loopback(uri.getHost())) {
                throw new UsageException("refusing to send the token over plain http:// to " + uri.getHost()
                        + ", where anyone on the way could read it: use https://, or --allow-http "
                        + "(TICKET_ALLOW_HTTP=1) on a network you trust");
            }
            return config;
        }
        if (caFile == null) {
            return config;
        }
        try {
            return config.withTrust(TrustedCertificates.context(Path.of(caFile)));
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage() + " (--ca-file or TICKET_CA_FILE)", e);
        }
    }

    /** Whether a URL's host is this machine by its name alone: localhost, 127.0.0.0/8 or ::1 (no DNS lookup). */
    public static boolean loopback(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        if (h.equals("localhost") || h.endsWith(".localhost")) {   // RFC 6761: always the loopback address
            return true;
        }
        if (h.matches("127(\\.(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])){3}")) {
            return true;
        }
        if (h.startsWith("[") && h.endsWith("]") && h.indexOf(':') > 0) {
            try {   // an IPv6 literal: parsed, never looked up
                return InetAddress.getByName(h.substring(1, h.length() - 1)).isLoopbackAddress();
            } catch (UnknownHostException e) {
                return false;
            }
        }
        return false;
    }

    private static String first(String... values) {
        for (String value : values) {
            if (value != null && !value.isBlank()) {
                return value.strip();
            }
        }
        return null;
    }
}
