package dev.ticket.cli.config;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The alias names the shell completions offer where a command goes ({@code ticket que<Tab>}): {@code aliases}
 * beside {@link RecentIds}'s file, one name a line, read by the scripts without a JVM. Written by {@code alias
 * set|delete|list} and by {@code ticket completion --refresh-aliases}, which the scripts run in the background
 * when the config file is newer than it (an alias added by hand). Never fails a command.
 */
public final class AliasNames {
    /** The cache file's name, beside {@code recent-ids}. */
    public static final String FILE = "aliases";

    private AliasNames() {
    }

    public static Path file(Map<String, String> env) {
        return RecentIds.file(env).resolveSibling(FILE);
    }

    /** Keeps {@code names} (the config file's aliases) for the completions. */
    public static void remember(Map<String, String> env, Collection<String> names) {
        try {
            RecentIds.write(file(env), names.stream().map(n -> n + "\n").collect(Collectors.joining()));
        } catch (IOException | RuntimeException e) {
            // completion is a convenience: a read-only home or a full disk must not fail the command
        }
    }
}
