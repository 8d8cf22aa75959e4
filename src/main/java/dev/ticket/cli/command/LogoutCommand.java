package dev.ticket.cli.command;

import dev.ticket.cli.BaseCommand;
import dev.ticket.cli.ExitCodes;
import dev.ticket.cli.config.Settings;
import dev.ticket.cli.output.Output;
import java.util.Map;
import picocli.CommandLine.Command;

/** {@code ticket logout}: forgets the profile's token. */
@Command(name = "logout",
        description = {"Remove the profile's token from the config file.",
                "Acts on the current profile, or --profile NAME; the server stays. The token itself stays valid "
                        + "until an admin revokes it."},
        footer = {
                "  ticket logout",
                "  ticket logout --profile agent"})
public class LogoutCommand extends BaseCommand {
    @Override
    protected java.util.List<String> jsonFields() {
        return java.util.List.of("profile", "logged_out");
    }

    @Override
    protected int run() {
        Settings settings = settings();
        boolean removed = settings.config().removeToken(settings.profile());
        Output out = out();
        if (out.json()) {
            out.printJson(Map.of("profile", settings.profile(), "logged_out", removed));
        } else if (!out.quiet()) {
            out.println(removed
                    ? "Logged out: removed the token of profile '" + settings.profile() + "' from "
                            + settings.config().path() + "."
                    : "Profile '" + settings.profile() + "' has no saved token; nothing to do.");
        }
        return ExitCodes.OK;
    }
}
