package dev.ticket.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ticket.model.Role;
import dev.ticket.model.User;
import dev.ticket.testing.TestService;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** SPEC 7.3: {@code ticket help}, aliases and profiles, through the CLI against a real service. */
class HelpAliasProfileTest {
    @RegisterExtension
    static final TestService service = TestService.perClass();

    @Test
    void help_prints_what_dash_dash_help_prints() {
        CliHarness cli = new CliHarness(service.url());
        assertEquals(cli.ok("list", "--help"), cli.ok("help", "list"));
        assertEquals(cli.ok("admin", "user", "add", "--help"), cli.ok("help", "admin", "user", "add"));
        assertEquals(cli.ok("--help"), cli.ok("help"));
        assertTrue(cli.ok("help", "list").contains("--json[=FIELDS]"), "the global options are listed");
        CliHarness.Result unknown = cli.run("help", "lsit");
        assertEquals(2, unknown.exit(), unknown.toString());
        assertTrue(unknown.err().contains("unknown command 'ticket lsit'"), unknown.err());
    }

    @Test
    void a_command_group_alone_is_a_usage_error_naming_its_subcommands_and_its_help_still_exits_0() {
        CliHarness cli = new CliHarness(service.url());
        for (List<String> group : List.of(List.of("admin"), List.of("admin", "user"), List.of("admin", "token"),
                List.of("profile"), List.of("alias"))) {
            CliHarness.Result alone = cli.run(group.toArray(String[]::new));
            assertEquals(2, alone.exit(), alone.toString());
            assertEquals("", alone.out(), "nothing on standard output: " + group);
            String name = "ticket " + String.join(" ", group);
            assertEquals(List.of("ticket: '" + name + "' needs a subcommand: " + switch (name) {
                case "ticket admin" -> "user, token, backup or audit";
                case "ticket admin user" -> "add, list, disable or enable";
                case "ticket admin token" -> "list, issue or revoke";
                case "ticket profile" -> "list, use or remove";
                default -> "set, list or delete";
            }, "See '" + name + " --help'."), alone.err().lines().toList());
            List<String> help = new java.util.ArrayList<>(group);
            help.add("--help");
            assertTrue(cli.ok(help.toArray(String[]::new)).contains("Commands:"), "--help: the help, exit 0");
        }
    }

    @Test
    void an_alias_expands_with_quotes_and_takes_the_arguments_after_it() throws Exception {
        CliHarness anna = CliHarness.as(service, "Alla", Role.CUSTOMER, "acme");
        anna.ok("new", "-t", "First one", "-m", "x");
        anna.ok("new", "-t", "Second one", "-m", "y");
        anna.ok("alias", "set", "titles", "list --jq '.[].title'");
        assertEquals("Second one\nFirst one\n", anna.ok("titles"));
        assertEquals("Second one\n", anna.ok("titles", "-L", "1"), "arguments are appended");
        assertEquals("titles: list --jq '.[].title'\n", anna.ok("alias", "list"));
        assertEquals("titles\n", anna.ok("alias", "list", "-q"));
        Path file = anna.configHome().resolve("ticket/config.json");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));

        CliHarness.Result shadow = anna.run("alias", "set", "list", "show 1");
        assertEquals(2, shadow.exit(), shadow.toString());
        assertTrue(shadow.err().contains("'list' is a command"), shadow.err());

        anna.ok("alias", "delete", "titles");
        assertEquals("", anna.ok("alias", "list", "-q"));
        assertEquals(2, anna.run("titles").exit(), "gone: an unknown command again");
        assertEquals(2, anna.run("alias", "delete", "titles").exit());
    }

    @Test
    void an_alias_must_expand_to_a_command_and_help_says_what_it_runs() {
        CliHarness cli = new CliHarness(service.url());
        CliHarness.Result leading = cli.run("alias", "set", "x", "ticket list");
        assertEquals(2, leading.exit(), leading.toString());
        assertTrue(leading.err().startsWith("ticket: the expansion of 'x' starts with 'ticket': drop it"),
                leading.err());
        for (String expansion : List.of("lsit", "loop")) {
            CliHarness.Result bad = cli.run("alias", "set", "loop", expansion);
            assertEquals(2, bad.exit(), bad.toString());
            assertEquals(1, bad.err().lines().filter(l -> l.startsWith("ticket: ")).count(), bad.err());
            assertTrue(bad.err().contains("must start with a command"), bad.err());
        }
        assertEquals("", cli.ok("alias", "list", "-q"), "nothing refused was saved");

        // an expansion that starts with an option needs no '--' before it (the old spelling still works)
        for (List<String> set : List.of(List.of("alias", "set", "queue", "--no-color list --awaiting team"),
                List.of("alias", "set", "queue", "--", "--no-color list --awaiting team"),
                List.of("alias", "set", "--no-color", "queue", "--no-color list --awaiting team"))) {
            assertEquals("Alias 'queue' runs 'ticket --no-color list --awaiting team'.\n",
                    cli.ok(set.toArray(String[]::new)), set.toString());
            assertEquals("'queue' is an alias: 'ticket queue ARGS...' runs 'ticket --no-color list --awaiting team "
                    + "ARGS...'. See 'ticket help list'.\n", cli.ok("help", "queue"));
            cli.ok("alias", "delete", "queue");
        }
        assertEquals("Alias 'ids' runs 'ticket --quiet --server http://127.0.0.1:1 list'.\n",
                cli.ok("alias", "set", "ids", "--quiet --server http://127.0.0.1:1 list"));
        cli.ok("alias", "delete", "ids");
    }

    @Test
    void profiles_are_listed_switched_and_removed_and_login_creates_them() {
        User anna = service.addUser("Anna", Role.CUSTOMER, "acme");
        User sam = service.addUser("Sam", Role.AGENT, null);
        CliHarness cli = new CliHarness(null);
        assertEquals(0, cli.run("login", "--server", service.url(), "--token", anna.token()).exit());
        assertEquals(0, cli.run("login", "--profile", "agent", "--server", service.url(), "--token", sam.token())
                .exit());
        List<String> lines = cli.ok("profile", "list").lines().toList();
        assertEquals(List.of("  agent    " + service.url(), "* default  " + service.url()), lines);
        assertTrue(cli.ok("whoami").startsWith("Anna "));

        assertEquals("Now using profile 'agent'.\n", cli.ok("profile", "use", "agent"));
        assertTrue(cli.ok("profile", "list").contains("* agent"));
        assertTrue(cli.ok("whoami").startsWith("Sam "));
        assertTrue(cli.ok("--profile", "default", "whoami").startsWith("Anna "));
        // whoami says where the token came from: the profile in use, or the flag or variable that overrides it
        assertTrue(cli.ok("whoami").endsWith(" · profile 'agent'\n"), cli.ok("whoami"));
        assertTrue(cli.ok("--token", anna.token(), "whoami").endsWith(" · token from --token\n"));
        assertTrue(cli.env("TICKET_TOKEN", anna.token()).ok("whoami").endsWith(" · token from TICKET_TOKEN\n"));
        cli.env("TICKET_TOKEN", null);

        CliHarness.Result unknown = cli.run("whoami", "--profile", "agnet");
        assertEquals(2, unknown.exit(), unknown.toString());
        assertTrue(unknown.err().contains("no profile 'agnet'; the profiles are: agent, default"), unknown.err());
        assertEquals(2, cli.run("profile", "use", "agnet").exit());
        // TICKET_PROFILE stands for --profile: a typo is named, not "not logged in" (exit 3)
        CliHarness.Result fromEnv = cli.env("TICKET_PROFILE", "agnet").run("list");
        assertEquals(2, fromEnv.exit(), fromEnv.toString());
        assertEquals("ticket: TICKET_PROFILE: no profile 'agnet'; the profiles are: agent, default\n", fromEnv.err());
        assertTrue(cli.ok("--profile", "agent", "whoami").startsWith("Sam "), "the flag wins over the variable");
        assertTrue(cli.env("TICKET_PROFILE", "default").ok("whoami").startsWith("Anna "), "over the current one");
        cli.env("TICKET_PROFILE", null);

        // login --profile replaces what is there
        assertEquals(0, cli.run("login", "--profile", "agent", "--server", service.url(), "--token", anna.token())
                .exit());
        assertTrue(cli.ok("--profile", "agent", "whoami").startsWith("Anna "));

        cli.ok("profile", "remove", "agent");
        assertEquals("default\n", cli.ok("profile", "list", "-q"));
        assertFalse(cli.ok("profile", "list").contains("agent"));
        assertEquals(2, cli.run("profile", "remove", "agent").exit());
    }
}
