package dev.ticket.cli;

import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** A small command tree shaped like ticket's (globals, aliases, candidates, enums, files, nesting) for completion tests. */
final class CompletionFixture {
    private CompletionFixture() {
    }

    enum Role { customer, agent, admin }

    static final class Types implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return List.of("critical", "question", "suggestion").iterator();
        }
    }

    @Command(name = "tix", mixinStandardHelpOptions = true, subcommands = {Open.class, Admin.class},
            description = "A small tree shaped like ticket's.")
    static final class Tix {
        @Option(names = "--server", paramLabel = "URL", description = "Service URL.")
        String server;
    }

    @Command(name = "new", aliases = "open", description = "Open a ticket. Then follow it.")
    static final class Open {
        @Option(names = {"-t", "--title"}, description = "The title.")
        String title;

        @Option(names = "--type", defaultValue = "question", completionCandidates = Types.class,
                description = "critical, question or suggestion (default: ${DEFAULT-VALUE}).")
        String type;

        @Option(names = {"-a", "--attach"}, paramLabel = "FILE", description = "A file to attach.")
        List<Path> files;

        @Option(names = "--read", negatable = true, description = "Mark it read.")
        boolean read;

        @Parameters(paramLabel = "ID", arity = "0..1", description = "A ticket's id.")
        String id;
    }

    @Command(name = "admin", description = "Manage users.", subcommands = User.class)
    static final class Admin {
    }

    @Command(name = "user", description = "Users.", subcommands = Add.class)
    static final class User {
    }

    @Command(name = "add", description = "Add a user; prints its token once.")
    static final class Add {
        @Option(names = "--role", description = "The user's role.")
        Role role;
    }
}
