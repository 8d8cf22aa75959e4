package dev.ticket.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ticket.cli.command.ServeCommand;
import dev.ticket.cli.config.ConfigFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigFileTest {
    @TempDir
    Path tmp;

    @Test
    void lives_under_xdg_config_home_when_set_else_under_home_dot_config() {
        assertEquals(tmp.resolve("x/ticket/config.json"),
                ConfigFile.pathFor(Map.of("XDG_CONFIG_HOME", tmp.resolve("x").toString(), "HOME", "/nowhere")));
        assertEquals(tmp.resolve(".config/ticket/config.json"), ConfigFile.pathFor(Map.of("HOME", tmp.toString())));
    }

    @Test
    void the_services_data_follows_the_same_home_as_the_config_file() {
        assertEquals(tmp.resolve("d/ticket"),
                ServeCommand.defaultDataDir(Map.of("XDG_DATA_HOME", tmp.resolve("d").toString(), "HOME", "/nowhere")));
        assertEquals(tmp.resolve(".local/share/ticket"), ServeCommand.defaultDataDir(Map.of("HOME", tmp.toString())));
        assertEquals(ConfigFile.pathFor(Map.of("HOME", tmp.toString())).getParent().getParent().getParent(),
                ServeCommand.defaultDataDir(Map.of("HOME", tmp.toString())).getParent().getParent().getParent());
    }

    @Test
    void a_missing_file_is_an_empty_config_with_the_default_profile_current() {
        ConfigFile config = ConfigFile.load(Map.of("XDG_CONFIG_HOME", tmp.toString()));
        assertEquals("default", config.currentProfile());
        assertTrue(config.profile("default").isEmpty());
    }

    @Test
    void saved_profiles_are_written_private_and_read_back() throws Exception {
        Map<String, String> env = Map.of("XDG_CONFIG_HOME", tmp.toString());
        ConfigFile.load(env).saveProfile("default", "http://127.0.0.1:8765", "cust-token");
        ConfigFile.load(env).saveProfile("agent", "http://127.0.0.1:8765", "agent-token");

        ConfigFile config = ConfigFile.load(env);
        assertEquals("default", config.currentProfile());
        assertEquals(new ConfigFile.Profile("http://127.0.0.1:8765", "cust-token"), config.profile("default").get());
        assertEquals("agent-token", config.profile("agent").get().token());
        Path file = tmp.resolve("ticket/config.json");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent())));
        String json = Files.readString(file);
        assertTrue(json.contains("\"current_profile\" : \"default\""), json);
        assertTrue(json.contains("\"profiles\""), json);
    }

    @Test
    void the_first_profile_saved_becomes_the_current_one() {
        Map<String, String> env = Map.of("XDG_CONFIG_HOME", tmp.toString());
        ConfigFile.load(env).saveProfile("agent", "http://h:1", "t");
        ConfigFile.load(env).saveProfile("default", "http://h:1", "u");
        assertEquals("agent", ConfigFile.load(env).currentProfile());
    }

    @Test
    void removing_a_token_keeps_the_server() {
        Map<String, String> env = Map.of("XDG_CONFIG_HOME", tmp.toString());
        ConfigFile.load(env).saveProfile("default", "http://h:1", "t");
        assertTrue(ConfigFile.load(env).removeToken("default"));
        ConfigFile config = ConfigFile.load(env);
        assertEquals(new ConfigFile.Profile("http://h:1", null), config.profile("default").get());
        assertFalse(config.removeToken("default"));
    }

    @Test
    void a_file_written_by_hand_is_read_with_unknown_fields_skipped_and_nulls_as_absent() throws Exception {
        Path file = tmp.resolve("ticket/config.json");
        Files.createDirectories(file.getParent());
        Files.writeString(file, "{\"editor\": {\"name\": [\"vim\"]}, \"current_profile\": \"work\", \"profiles\": {"
                + "\"work\": {\"server\": \"https://tickets.example.com\", \"token\": \"t-1\", \"note\": 1},"
                + " \"old\": null, \"home\": {\"token\": null}}}");
        ConfigFile config = ConfigFile.load(Map.of("XDG_CONFIG_HOME", tmp.toString()));
        assertEquals("work", config.currentProfile());
        assertEquals(new ConfigFile.Profile("https://tickets.example.com", "t-1"), config.profile("work").get());
        assertEquals(new ConfigFile.Profile(null, null), config.profile("home").get());
        assertTrue(config.profile("old").isEmpty());
    }

    @Test
    void a_broken_file_is_one_error_naming_the_file_and_the_problem() throws Exception {
        Path file = tmp.resolve("ticket/config.json");
        Files.createDirectories(file.getParent());
        Map<String, String> env = Map.of("XDG_CONFIG_HOME", tmp.toString());
        for (String content : new String[] {"", "{\"profiles\": \"x\"}", "{\"profiles\": {\"a\": {\"token\": 5}}}",
                "{\"current_profile\": \"a\"", "[1]"}) {
            Files.writeString(file, content);
            ConfigFile.ConfigException e = assertThrows(ConfigFile.ConfigException.class, () -> ConfigFile.load(env),
                    content);
            assertTrue(e.getMessage().startsWith("cannot read the config file " + file + ": "), e.getMessage());
            assertFalse(e.getMessage().contains("\n"), e.getMessage());
        }
    }
}
