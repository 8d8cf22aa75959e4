package dev.ticket.cli.command;

import dev.ticket.cli.BaseCommand;
import dev.ticket.cli.PrintsJson;
import dev.ticket.cli.ExitCodes;
import dev.ticket.cli.UsageException;
import dev.ticket.cli.output.Output;
import dev.ticket.cli.output.Shown;
import dev.ticket.client.TicketClient;
import dev.ticket.model.User;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code ticket admin user disable USER}: locks a user out at once (and {@code enable} lets them back). */
@Command(name = "disable",
        description = {"Disable a user: their tokens stop working at once and their open event streams end.",
                "They cannot log in until enabled again (ticket admin user enable); their tickets stay. USER is a "
                        + "name or an id (#7 or 7). --json: {id, name, role, account}."},
        footer = {
                "  ticket admin user disable bob",
                "  ticket admin user disable '#7' --json"})
@PrintsJson(User.class)
public class AdminUserDisableCommand extends BaseCommand {
    @Parameters(index = "0", paramLabel = "USER", description = "The user's name or id.")
    String user;

    boolean disable() {
        return true;
    }

    @Override
    protected int run() {
        TicketClient client = client();
        User done = client.setUserDisabled(resolve(client, user, disable()), disable());
        Output out = out();
        if (!out.printedForScripts(done, done.id())) {
            out.println((disable() ? "Disabled " : "Enabled ") + WhoamiCommand.describe(done) + " (#" + done.id()
                    + ")" + (disable() ? ": their tokens no longer work." : "."));
        }
        return ExitCodes.OK;
    }

    /** A user's id from an id ({@code 7}, {@code #7}) or a name that names exactly one user. */
    static long resolve(TicketClient client, String user) {
        return resolve(client, user, null);
    }

    /**
     * The same; when the name is also a disabled user's (a name names one enabled user, so a disabled one may
     * share it), the enabled one is meant by disable ({@code toDisable} true) and the disabled one by enable.
     */
    static long resolve(TicketClient client, String user, Boolean toDisable) {
        String text = user.strip();
        if (text.matches("#?[0-9]{1,18}")) {
            return Long.parseLong(text.replace("#", ""));
        }
        List<User> named = client.users().stream().filter(u -> u.name().equals(text)).toList();
        List<User> meant = toDisable == null ? named
                : named.stream().filter(u -> (u.disabledAt() == null) == toDisable).toList();
        if (named.size() > 1 && meant.size() == 1) {
            return meant.get(0).id();
        }
        if (named.isEmpty()) {
            throw new UsageException("no user is named '" + Shown.line(text) + "' (see ticket admin user list)");
        }
        if (named.size() > 1) {
            throw new UsageException(named.size() + " users are named '" + Shown.line(text) + "': give the id, one of "
                    + String.join(", ", named.stream().map(u -> "#" + u.id()).toList()));
        }
        return named.get(0).id();
    }

    /** {@code ticket admin user enable USER}. */
    @Command(name = "enable",
            description = {"Enable a disabled user again.",
                    "The tokens they held work again unless revoked or expired. USER is a name or an id. --json: "
                            + "{id, name, role, account}."},
            footer = {
                    "  ticket admin user enable bob",
                    "  ticket admin user enable '#7' --json"})
    public static class Enable extends AdminUserDisableCommand {
        @Override
        boolean disable() {
            return false;
        }
    }

}
