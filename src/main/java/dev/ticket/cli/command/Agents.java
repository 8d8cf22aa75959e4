package dev.ticket.cli.command;

import dev.ticket.cli.UsageException;
import dev.ticket.cli.config.AgentNames;
import dev.ticket.cli.output.Shown;
import dev.ticket.client.TicketClient;
import dev.ticket.model.User;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * An agent named on the command line ({@code assign --to NAME}, {@code list --assignee NAME}): {@code me}, a
 * name of the team (exact, else the only one that matches ignoring case), or an agent's id. Anything else is a
 * usage error (exit 2) that names the agents there are. A customer asking is refused by the service (403).
 */
final class Agents {
    private Agents() {
    }

    /** The user id of the agent {@code name}; {@code flag} is the option it came from, for the error. */
    static long resolve(TicketClient client, Map<String, String> env, String name, String flag) {
        String wanted = name.strip();
        if (wanted.equalsIgnoreCase("me")) {
            return client.me().id();
        }
        List<User> team = client.agents(); // a customer: 403, which the caller words
        AgentNames.remember(env, team);
        // a name names one enabled user, but a disabled one may share it: the enabled one is meant, and a
        // disabled agent only when no enabled one matches (list --assignee after someone left)
        List<User> found = matching(team.stream().filter(u -> u.disabledAt() == null).toList(), wanted);
        if (found.isEmpty()) {
            found = matching(team, wanted);
        }
        if (found.size() == 1) {
            return found.get(0).id();
        }
        String names = team.stream().map(u -> Shown.line(u.name()) + " (" + u.id() + ")")
                .collect(Collectors.joining(", "));
        if (found.isEmpty()) {
            throw new UsageException(flag + ": no agent is named '" + Shown.line(wanted) + "'; the agents are: "
                    + names);
        }
        throw new UsageException(flag + ": " + found.size() + " agents are named '" + Shown.line(wanted)
                + "'; give the id instead: " + names);
    }

    /** The agents {@code wanted} names: exactly, else ignoring case or by id. */
    private static List<User> matching(List<User> team, String wanted) {
        List<User> exact = team.stream().filter(u -> u.name().equals(wanted)).toList();
        return exact.isEmpty()
                ? team.stream().filter(u -> u.name().toLowerCase(Locale.ROOT).equals(wanted.toLowerCase(Locale.ROOT))
                        || String.valueOf(u.id()).equals(wanted)).toList()
                : exact;
    }
}
