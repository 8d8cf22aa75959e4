package dev.ticket.cli.command;

import dev.ticket.cli.BaseCommand;
import dev.ticket.cli.PrintsJson;
import dev.ticket.cli.ExitCodes;
import dev.ticket.cli.UsageException;
import dev.ticket.cli.config.Settings;
import dev.ticket.cli.output.Output;
import dev.ticket.client.HttpTicketClient;
import dev.ticket.client.TicketClient;
import dev.ticket.model.User;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ticket login}: checks a token with the service and saves it in a profile. */
@Command(name = "login",
        description = {"Check a token with the service and save it in a profile.",
                "Profiles live in $XDG_CONFIG_HOME/ticket/config.json (mode 0600),",
                "else in ~/.config/ticket/config.json.",
                "The token comes from --token, from standard input with --with-token, or is asked for on a terminal."},
        footer = {
                "  ticket login --server https://support.example.com --token \"$TOKEN\"",
                "  ticket login --with-token < ~/agent.token --profile agent",
                "  pass show ticket/token | ticket login --with-token"})
@PrintsJson(User.class)
public class LoginCommand extends BaseCommand {
    @Option(names = "--with-token", description = "Read the token from standard input.")
    boolean withToken;

    @Override
    protected boolean createsProfile() {
        return true;
    }

    @Override
    protected int run() throws IOException {
        String token = token();
        Settings settings = settings();
        User me;
        try (TicketClient client = new HttpTicketClient(traced(clientConfig(settings, token)))) {
            me = client.me();
        }
        settings.config().saveProfile(settings.profile(), settings.server(), token);
        Output out = out();
        if (!out.printedForScripts(me, me.id())) {
            out.println("Logged in to " + settings.server() + " as " + WhoamiCommand.describe(me) + ".");
            out.println("Saved as profile '" + settings.profile() + "' in " + settings.config().path() + ".");
        }
        return ExitCodes.OK;
    }

    private String token() throws IOException {
        String flag = options().token();
        if (flag != null && withToken) {
            throw new UsageException("give either --token or --with-token, not both");
        }
        String token = flag;
        if (withToken) {
            String line = new BufferedReader(new InputStreamReader(io.in(), StandardCharsets.UTF_8)).readLine();
            token = line == null ? "" : line.strip();
        } else if (token == null && io.canPrompt()) {
            try (Prompter prompter = new Prompter(io)) {
                token = prompter.secret("Token: ");
            }
        }
        if (token == null) {
            throw new UsageException("missing the token: give --token TOKEN or --with-token (reads standard input)");
        }
        if (token.isBlank()) {
            throw new UsageException("the token is empty");
        }
        return token.strip();
    }
}
