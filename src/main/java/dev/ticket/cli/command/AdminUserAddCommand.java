package dev.ticket.cli.command;

import dev.ticket.cli.BaseCommand;
import dev.ticket.cli.PrintsJson;
import dev.ticket.cli.ExitCodes;
import dev.ticket.cli.UsageException;
import dev.ticket.cli.output.Output;
import dev.ticket.cli.output.Shown;
import dev.ticket.client.TicketClient;
import dev.ticket.model.NewUser;
import dev.ticket.model.Role;
import dev.ticket.model.User;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code ticket admin user add}: creates a user and prints its token once. */
@Command(name = "add",
        description = {"Create a user and print its token.",
                "The token is shown this once: the service keeps only a hash. Customers belong to an account "
                        + "(--account); agents and admins answer every account.",
                "With --json: {id, name, role, account, token}. With -q: the id on standard output, the token on "
                        + "standard error."},
        footer = {
                "  ticket admin user add anna --role customer --account acme",
                "  ticket admin user add bob --role agent --json | jq -r .token > bob.token",
                "  ticket admin user add contractor --role agent --expires 30d"})
@PrintsJson(User.class)
public class AdminUserAddCommand extends BaseCommand {
    @Parameters(index = "0", paramLabel = "NAME", description = "The user's name.")
    String name;

    @Option(names = "--role", required = true, paramLabel = "ROLE", converter = Choices.Roles.class,
            completionCandidates = Choices.Roles.class, description = "customer, agent or admin.")
    Role role;

    @Option(names = "--account", paramLabel = "ACCOUNT", description = "The customer's account (organisation).")
    String account;

    @Mixin
    ExpiresOption expires;

    @Override
    protected java.util.Map<String, String> apiFields() {
        return java.util.Map.of("role", "--role", "account", "--account", "name", "NAME", "expires_in", "--expires");
    }

    @Override
    protected int run() {
        if (role == Role.CUSTOMER && (account == null || account.isBlank())) {
            throw new UsageException("missing the account: a customer needs --account ACCOUNT");
        }
        User created = client().createUser(new NewUser(name.strip(), role, account == null ? null : account.strip(),
                expires.seconds()), TicketClient.newIdempotencyKey());
        Output out = out();
        if (out.json()) {
            out.printJson(created);
        } else if (out.quiet()) {
            out.println(Long.toString(created.id()));
            out.note("token (shown once): " + Shown.line(created.token()));
        } else {
            out.println("Created user #" + created.id() + ": " + WhoamiCommand.describe(created) + ".");
            out.println("Token (shown once, keep it secret): " + Shown.line(created.token()));
            out.println("They log in with: ticket login --server " + settings().server() + " --with-token");
        }
        return ExitCodes.OK;
    }
}
