package dev.ticket.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ticket.cli.config.ConfigFile;
import dev.ticket.testing.ServeProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A real {@code ticket serve --dev} process with a fresh HOME and config directory, as in the quick start. */
class ServeDevTest {
    @TempDir
    Path dir;

    private ServeProcess serveDev(Path config) throws Exception {
        return serveDev(config, 0);
    }

    private ServeProcess serveDev(Path config, int port) throws Exception {
        Path home = Files.createDirectories(dir.resolve("home"));
        ServeProcess serve = ServeProcess.startWithEnvOnPort(dir.resolve("data"), port,
                Map.of("HOME", home.toString(), "XDG_CONFIG_HOME", config.toString()), "--dev");
        // the whole block: the saved profiles, then the lines that say how to use them (read as they come)
        assertTrue(ServeProcess.await(Duration.ofSeconds(60), () -> {
            List<String> said = serve.output();
            boolean tried = said.stream().anyMatch(line -> line.startsWith("Try:"))
                    && said.stream().anyMatch(line -> line.endsWith("list --profile agent --awaiting team"));
            return tried || said.stream().anyMatch(line -> line.startsWith("  or  export TICKET_PROFILE="));
        }), "no demo profiles: " + serve.output());
        return serve;
    }

    private static CliHarness withConfig(Path config) {
        return new CliHarness(null).env("XDG_CONFIG_HOME", config.toString());
    }

    @Test
    void with_no_profiles_yet_it_saves_default_and_agent_for_the_quick_start() throws Exception {
        Path config = dir.resolve("config");
        try (ServeProcess serve = serveDev(config)) {
            assertTrue(serve.output().stream().anyMatch(line -> line.startsWith(
                    "Demo account 'demo': saved CLI profiles 'default' (demo-customer) and 'agent' (demo-agent)")),
                    serve.output().toString());
            CliHarness cli = withConfig(config);
            assertTrue(cli.ok("whoami").contains("demo-customer"));
            assertTrue(cli.ok("--profile", "agent", "whoami").contains("demo-agent"));
            String id = cli.ok("new", "-t", "Cannot connect Telegram", "-m", "The channel stays offline", "-q")
                    .strip();
            assertTrue(cli.ok("--profile", "agent", "list", "--awaiting", "team", "-q").lines()
                    .anyMatch(id::equals));
        }
    }

    @Test
    void started_again_on_the_same_data_it_keeps_the_saved_tokens_instead_of_issuing_more() throws Exception {
        Path config = dir.resolve("config");
        int port = ServeProcess.freePort();
        Map<String, String> env = Map.of("XDG_CONFIG_HOME", config.toString());
        ConfigFile first;
        try (ServeProcess serve = serveDev(config, port)) {
            first = ConfigFile.load(env);
        }
        try (ServeProcess serve = serveDev(config, port)) {
            ConfigFile again = ConfigFile.load(env);
            assertEquals(first.profile("default").orElseThrow(), again.profile("default").orElseThrow());
            assertEquals(first.profile("agent").orElseThrow(), again.profile("agent").orElseThrow());
            assertTrue(withConfig(config).ok("whoami").contains("demo-customer"));
        }
    }

    @Test
    void profiles_that_point_at_another_service_are_kept_and_the_demo_gets_dev_and_dev_agent() throws Exception {
        Path config = dir.resolve("config");
        ConfigFile mine = ConfigFile.load(Map.of("XDG_CONFIG_HOME", config.toString()));
        mine.saveProfile("default", "https://support.example.test", "my-real-token");
        mine.saveProfile("agent", "https://support.example.test", "my-agent-token");
        try (ServeProcess serve = serveDev(config)) {
            String said = String.join("\n", serve.output());
            assertTrue(said.contains("saved CLI profiles 'dev' (demo-customer) and 'dev-agent' (demo-agent)"), said);
            assertTrue(said.contains("ticket --profile dev ") && said.contains("export TICKET_PROFILE=dev"), said);
            ConfigFile after = ConfigFile.load(Map.of("XDG_CONFIG_HOME", config.toString()));
            assertEquals(new ConfigFile.Profile("https://support.example.test", "my-real-token"),
                    after.profile("default").orElseThrow());
            assertEquals(new ConfigFile.Profile("https://support.example.test", "my-agent-token"),
                    after.profile("agent").orElseThrow());
            assertEquals("default", after.currentProfile(), "the user's current profile stays current");
            assertEquals(serve.url(), after.profile("dev").orElseThrow().server());
            CliHarness cli = withConfig(config);
            assertTrue(cli.ok("--profile", "dev", "whoami").contains("demo-customer"));
            assertTrue(cli.env("TICKET_PROFILE", "dev-agent").ok("whoami").contains("demo-agent"));
        }
    }
}
