package dev.ticket.cli;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Map;

/**
 * Where to connect and as whom, resolved flag &gt; environment ({@code TICKET_SERVER},
 * {@code TICKET_TOKEN}, {@code TICKET_PROFILE}) &gt; config file &gt; default server.
 */
public record Settings(String profile, String server, String token, ConfigFile config) {
    public static final String DEFAULT_SERVER = "http://127.0.0.1:8765";

    public static Settings resolve(GlobalOptions options, Map<String, String> env) {
        ConfigFile config = ConfigFile.load(env);
        String profile = first(options.profile(), env.get("TICKET_PROFILE"), config.currentProfile());
        ConfigFile.Profile saved = config.profile(profile).orElse(new ConfigFile.Profile(null, null));
        String server = first(options.server(), env.get("TICKET_SERVER"), saved.server(), DEFAULT_SERVER);
        String token = first(options.token(), env.get("TICKET_TOKEN"), saved.token());
        return new Settings(profile, server, token, config);
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

    private static String first(String... values) {
        for (String value : values) {
            if (value != null && !value.isBlank()) {
                return value.strip();
            }
        }
        return null;
    }
}
