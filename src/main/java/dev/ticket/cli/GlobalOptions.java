package dev.ticket.cli;

import picocli.CommandLine.Option;

/** The options every command takes (SPEC section 3); mixed into each command and merged up the command chain. */
public class GlobalOptions {
    @Option(names = "--server", paramLabel = "URL", order = 100,
            description = "Service URL (else TICKET_SERVER, the profile's server, or http://127.0.0.1:8765).")
    String server;

    @Option(names = "--token", paramLabel = "TOKEN", order = 101,
            description = "API token (else TICKET_TOKEN, or the profile's token).")
    String token;

    @Option(names = "--profile", paramLabel = "NAME", order = 102,
            description = "Config profile to use (else TICKET_PROFILE, or the config file's current profile).")
    String profile;

    @Option(names = "--ca-file", paramLabel = "FILE", order = 110,
            description = "Trust the service's certificate if it is signed by a certificate in this PEM file "
                    + "(self-signed or your own CA; instead of the system's CAs; else TICKET_CA_FILE).")
    String caFile;

    @Option(names = "--allow-http", order = 111,
            description = "Send the token over plain http:// to a host that is not this machine (else "
                    + "TICKET_ALLOW_HTTP=1); refused without it, as anyone on the way could read the token.")
    boolean allowHttp;

    @Option(names = "--json", order = 103, description = "Print the API's JSON and nothing else on standard output.")
    boolean json;

    @Option(names = {"-q", "--quiet"}, order = 104, description = "Print only ids, one per line.")
    boolean quiet;

    @Option(names = "--no-color", order = 105, description = "No colour (also when NO_COLOR is set).")
    boolean noColor;

    @Option(names = "--verbose", order = 106, description = "Explain failures in full, with stack traces.")
    boolean verbose;

    /** These options where given, else the parent's (a subcommand's own flags win over ones given before it). */
    GlobalOptions over(GlobalOptions parent) {
        GlobalOptions merged = new GlobalOptions();
        merged.server = server != null ? server : parent.server;
        merged.token = token != null ? token : parent.token;
        merged.profile = profile != null ? profile : parent.profile;
        merged.json = json || parent.json;
        merged.quiet = quiet || parent.quiet;
        merged.noColor = noColor || parent.noColor;
        merged.verbose = verbose || parent.verbose;
        merged.caFile = caFile != null ? caFile : parent.caFile;
        merged.allowHttp = allowHttp || parent.allowHttp;
        return merged;
    }

    public String server() {
        return server;
    }

    public String token() {
        return token;
    }

    public String profile() {
        return profile;
    }

    public String caFile() {
        return caFile;
    }

    public boolean allowHttp() {
        return allowHttp;
    }

    public boolean json() {
        return json;
    }

    public boolean quiet() {
        return quiet;
    }

    public boolean noColor() {
        return noColor;
    }

    public boolean verbose() {
        return verbose;
    }
}
