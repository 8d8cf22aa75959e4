package dev.ticket.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ticket.cli.config.ConfigFile;
import dev.ticket.cli.config.Settings;
import dev.ticket.testing.TestService;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class LoginAndProfilesTest {
    @RegisterExtension
    static final TestService service = TestService.perClass();

    @Test
    void login_with_token_from_stdin_checks_it_and_saves_a_private_profile() throws Exception {
        String olga = service.customer().token();
        CliHarness cli = new CliHarness(null).stdin(olga + "\n");
        CliHarness.Result r = cli.run("login", "--server", service.url(), "--with-token");
        assertEquals(0, r.exit(), r.toString());
        assertTrue(r.out().startsWith("Logged in to " + service.url() + " as Olga (customer, account acme).\n"),
                r.out());
        Path file = cli.configHome().resolve("ticket/config.json");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertTrue(Files.readString(file).contains(olga));
        assertTrue(cli.stdin("").ok("whoami").startsWith("Olga (customer, account acme)\nServer " + service.url()));
    }

    @Test
    void login_refuses_a_bad_token_with_exit_3_and_saves_nothing() {
        CliHarness cli = new CliHarness(service.url());
        CliHarness.Result r = cli.run("login", "--token", "not-a-real-token");
        assertEquals(3, r.exit(), r.toString());
        assertTrue(r.err().startsWith("ticket: not authenticated"), r.err());
        assertFalse(Files.exists(cli.configHome().resolve("ticket/config.json")));
    }

    @Test
    void login_without_a_token_and_without_a_terminal_is_exit_2() {
        CliHarness.Result r = new CliHarness(service.url()).run("login");
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("--with-token"), r.err());
    }

    @Test
    void profiles_are_chosen_by_flag_then_environment_then_the_files_current_profile() {
        String olga = service.customer().token();
        String sam = service.agent().token();
        CliHarness cli = new CliHarness(null);
        ConfigFile config = ConfigFile.load(java.util.Map.of("XDG_CONFIG_HOME", cli.configHome().toString()));
        config.saveProfile("default", service.url(), olga);
        config.saveProfile("agent", service.url(), sam);

        assertEquals("Olga", cli.ok("whoami").lines().findFirst().orElseThrow().split(" ")[0]);
        assertTrue(cli.env("TICKET_PROFILE", "agent").ok("whoami").startsWith("Sam "));
        assertTrue(cli.ok("whoami", "--profile", "default").startsWith("Olga "));
        assertTrue(cli.ok("--profile", "default", "whoami").startsWith("Olga "), "a flag before the command counts");
        assertTrue(cli.env("TICKET_TOKEN", olga).ok("whoami").startsWith("Olga "), "env token over profile");
        assertTrue(cli.ok("whoami", "--token", sam).startsWith("Sam "), "flag over environment");

        // an empty --token (an unset "$TOKEN") is a mistake, not a way to ask for the profile's token
        for (String empty : new String[] {"", " "}) {
            CliHarness.Result r = cli.run("whoami", "--token", empty);
            assertEquals(2, r.exit(), r.toString());
            assertEquals("ticket: --token is empty: give a token, or leave --token out to use TICKET_TOKEN or the "
                    + "profile's\n", r.err());
            assertEquals("", r.out());
        }
    }

    @Test
    void the_server_comes_from_flag_then_environment_then_profile_then_the_default() {
        CliHarness cli = new CliHarness(null);
        java.util.Map<String, String> env = new java.util.HashMap<>(
                java.util.Map.of("XDG_CONFIG_HOME", cli.configHome().toString()));
        GlobalOptions none = new GlobalOptions();
        assertEquals("http://127.0.0.1:8765", Settings.resolve(none, env).server());
        ConfigFile.load(env).saveProfile("default", "http://profile:1", "profile-token");
        assertEquals("http://profile:1", Settings.resolve(none, env).server());
        env.put("TICKET_SERVER", "http://env:1");
        assertEquals("http://env:1", Settings.resolve(none, env).server());
        assertEquals("profile-token", Settings.resolve(none, env).token(), "token and server resolve separately");
        GlobalOptions flag = new GlobalOptions();
        flag.server = "http://flag:1";
        assertEquals("http://flag:1", Settings.resolve(flag, env).server());
    }

    @Test
    void logout_forgets_the_token_and_later_commands_exit_3() {
        String olga = service.customer().token();
        CliHarness cli = new CliHarness(service.url());
        cli.ok("login", "--token", olga);
        assertTrue(cli.ok("logout").startsWith("Logged out"));
        CliHarness.Result r = cli.run("list");
        assertEquals(3, r.exit());
        assertTrue(r.err().contains("not logged in"), r.err());
        assertTrue(cli.ok("logout").contains("nothing to do"));
    }

    @Test
    void a_server_that_is_not_an_http_url_is_a_usage_error() {
        CliHarness.Result r = new CliHarness("ftp://example.com").token("t").run("list");
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("is not an http(s) URL"), r.err());
    }
}
