package dev.ticket.cli.command;

import dev.ticket.cli.BaseCommand;
import dev.ticket.cli.PrintsJson;
import dev.ticket.cli.ExitCodes;
import dev.ticket.cli.config.MeCache;
import dev.ticket.cli.output.Output;
import dev.ticket.cli.output.Shown;
import dev.ticket.model.User;
import picocli.CommandLine.Command;

/** {@code ticket whoami}: who the token belongs to. */
@Command(name = "whoami",
        description = {"Show who you are to the service.",
                "Name, role and account, and the server and profile in use."},
        footer = {
                "  ticket whoami",
                "  ticket whoami --profile agent --json"})
@PrintsJson(User.class)
public class WhoamiCommand extends BaseCommand {

    @Override
    protected int run() {
        User me = client().me(); // always asked: whoami is how a user checks a token
        MeCache.write(io.env(), settings().server(), settings().token(), me);
        Output out = out();
        if (!out.printedForScripts(me, me.id())) {
            out.println(describe(me));
            out.println("Server " + settings().server() + " · " + tokenSource());
        }
        return ExitCodes.OK;
    }

    /** Where the token came from, as {@code Settings.resolve} chose it: --token, TICKET_TOKEN, else the profile. */
    private String tokenSource() {
        String from = settings().tokenFrom();
        return from != null ? "token from " + from : "profile '" + settings().profile() + "'";
    }

    /** {@code Anna (customer, account acme)}. */
    static String describe(User user) {
        String role = user.role() == null ? "?" : user.role().wire();
        return Shown.line(user.name()) + " (" + role
                + (user.account() == null ? "" : ", account " + Shown.line(user.account())) + ")";
    }
}
