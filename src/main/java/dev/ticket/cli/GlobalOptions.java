package dev.ticket.cli;

import dev.ticket.cli.command.ProfileCommand;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** The options every command takes (rules.md, command line); mixed into each command, merged up the chain. */
public class GlobalOptions {
    @Option(names = "--server", paramLabel = "URL", order = 100,
            description = "Service URL (else TICKET_SERVER, the profile's server, or http://127.0.0.1:8765).")
    String server;

    @Option(names = "--token", paramLabel = "TOKEN", order = 101,
            description = "API token (else TICKET_TOKEN, or the profile's token).")
    String token;

    @Option(names = "--profile", paramLabel = "PROFILE", order = 102, completionCandidates = ProfileCommand.Names.class,
            description = "Config profile to use (else TICKET_PROFILE, or the config file's current profile); see "
                    + "'ticket profile'.")
    String profile;

    @Option(names = "--ca-file", paramLabel = "FILE", order = 110,
            description = "Trust the service's certificate if it is signed by a certificate in this PEM file "
                    + "(self-signed or your own CA; instead of the system's CAs; else TICKET_CA_FILE).")
    String caFile;

    @Option(names = "--allow-http", order = 111,
            description = "Send the token over plain http:// to a host that is not this machine (else "
                    + "TICKET_ALLOW_HTTP=1); refused without it, as anyone on the way could read the token.")
    boolean allowHttp;

    @Option(names = "--json", arity = "0..1", paramLabel = "FIELDS", order = 103,
            preprocessor = JsonFieldsOption.class,
            description = "Print the API's JSON and nothing else on standard output. FIELDS (e.g. id,title,due_at) "
                    + "keeps only those fields (of each element of a list); a word that names no field is not taken.")
    String json;

    @Option(names = "--jq", paramLabel = "EXPR", order = 104,
            description = "Filter the JSON with a jq expression (implies --json); strings print raw, one a line.")
    String jq;

    @Option(names = "--timeout", paramLabel = "DURATION", order = 105, converter = DurationConverter.class,
            description = "How long to wait (e.g. 5s, 2m; else TICKET_TIMEOUT): for each answer of the service "
                    + "(default 30s; exit 6 when it passes); for 'wait', the whole wait (exit 7).")
    Duration timeout;

    @Option(names = {"-q", "--quiet"}, order = 106, description = "Print only ids, one per line.")
    boolean quiet;

    @Option(names = "--no-color", order = 107, description = "No colour (also when NO_COLOR is set).")
    boolean noColor;

    @Option(names = "--verbose", order = 108, description = "Explain failures in full, with stack traces; print each "
            + "request to the service with its request id.")
    boolean verbose;

    /** These options where given, else the parent's (a subcommand's own flags win over ones given before it). */
    GlobalOptions over(GlobalOptions parent) {
        GlobalOptions merged = new GlobalOptions();
        merged.server = server != null ? server : parent.server;
        merged.token = token != null ? token : parent.token;
        merged.profile = profile != null ? profile : parent.profile;
        merged.json = json != null ? json : parent.json;
        merged.jq = jq != null ? jq : parent.jq;
        merged.timeout = timeout != null ? timeout : parent.timeout;
        merged.quiet = quiet || parent.quiet;
        merged.noColor = noColor || parent.noColor;
        merged.verbose = verbose || parent.verbose;
        merged.caFile = caFile != null ? caFile : parent.caFile;
        merged.allowHttp = allowHttp || parent.allowHttp;
        return merged;
    }

    /**
     * The options given here that only a client of the service uses (all but --no-color and --verbose), by name:
     * what a command that is no client ({@code serve}) refuses rather than ignores when they come before it.
     */
    public List<String> clientOptionsGiven() {
        List<String> given = new ArrayList<>();
        addIf(given, json != null, "--json");
        addIf(given, jq != null, "--jq");
        addIf(given, quiet, "--quiet");
        addIf(given, server != null, "--server");
        addIf(given, token != null, "--token");
        addIf(given, profile != null, "--profile");
        addIf(given, caFile != null, "--ca-file");
        addIf(given, allowHttp, "--allow-http");
        addIf(given, timeout != null, "--timeout");
        return given;
    }

    private static void addIf(List<String> names, boolean given, String name) {
        if (given) {
            names.add(name);
        }
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

    /** Whether JSON is printed: --json or --jq given. */
    public boolean json() {
        return json != null || jq != null;
    }

    /** The fields --json keeps, in the order given; empty for all of them. */
    public List<String> jsonFields() {
        List<String> fields = new ArrayList<>();
        if (json != null) {
            for (String field : json.split(",")) {
                if (!field.isEmpty() && !fields.contains(field)) {
                    fields.add(field);
                }
            }
        }
        return fields;
    }

    /** The --jq expression, or null. */
    public String jq() {
        return jq;
    }

    /** The --timeout given, or null (then TICKET_TIMEOUT, else the command's default). */
    public Duration timeout() {
        return timeout;
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
