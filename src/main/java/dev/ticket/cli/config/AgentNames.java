package dev.ticket.cli.config;

import dev.ticket.cli.output.Shown;
import dev.ticket.model.User;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The agent names the shell completions offer after {@code assign --to} and {@code list --assignee}: {@code
 * agents} beside {@link RecentIds}'s file, one name a line. Written whenever a command asks the service for the
 * team (assign, list --assignee) and by {@code ticket completion --refresh-agents}, which the scripts run in the
 * background when the file is missing or stale; the scripts read it without a JVM. Never fails a command.
 */
public final class AgentNames {
    /** The marker in {@code completionCandidates} the completion scripts replace with a read of the file. */
    public static final String COMPLETION_MARKER = "@@ticket-agents@@";

    private AgentNames() {
    }

    /** For {@code --to}: me, then the agents. */
    public static final class Candidates implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return List.of("me", COMPLETION_MARKER).iterator();
        }
    }

    /** For {@code --assignee}: me, none (nobody's), then the agents. */
    public static final class OrNone implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return List.of("me", "none", COMPLETION_MARKER).iterator();
        }
    }

    public static Path file(Map<String, String> env) {
        return RecentIds.file(env).resolveSibling("agents");
    }

    /** Keeps {@code team} (the service's list of agents) for the completions. */
    public static void remember(Map<String, String> env, List<User> team) {
        String names = team.stream().map(u -> Shown.line(u.name()).replace('\t', ' ')).filter(n -> !n.isBlank())
                .distinct().map(n -> n + "\n").collect(Collectors.joining());
        try {
            RecentIds.write(file(env), names);
        } catch (IOException | RuntimeException e) {
            // completion is a convenience: a read-only home or a full disk must not fail the command
        }
    }
}
