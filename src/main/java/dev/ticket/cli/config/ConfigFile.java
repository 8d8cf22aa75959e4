package dev.ticket.cli.config;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ticket.client.JsonRecords;
import dev.ticket.model.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The CLI's profiles: {@code $XDG_CONFIG_HOME/ticket/config.json} (else {@code ~/.config/ticket/config.json}),
 * written with mode 0600 in a 0700 directory. Shape:
 * {@code {"current_profile": "default", "profiles": {"default": {"server": "...", "token": "..."}}}}.
 */
public final class ConfigFile {
    /** The profile used when neither a flag, the environment nor the file names one. */
    public static final String DEFAULT_PROFILE = "default";

    /** One profile: where the service is and the token to use there (either may be null). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Profile(String server, String token) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Document(String currentProfile, Map<String, Profile> profiles, Map<String, String> aliases) {
    }

    private final Path path;
    private String currentProfile;
    private final Map<String, Profile> profiles;
    private final Map<String, String> aliases;

    private ConfigFile(Path path, String currentProfile, Map<String, Profile> profiles, Map<String, String> aliases) {
        this.path = path;
        this.currentProfile = currentProfile;
        this.profiles = new TreeMap<>(profiles);
        this.aliases = new TreeMap<>(aliases);
    }

    /** Reads the config file the environment points at; a missing file is an empty config. */
    public static ConfigFile load(Map<String, String> env) {
        Path file = pathFor(env);
        if (!Files.isRegularFile(file)) {
            return new ConfigFile(file, null, Map.of(), Map.of());
        }
        try {
            Document doc = read(file);
            return new ConfigFile(file, doc.currentProfile(), doc.profiles(), doc.aliases());
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")";
            throw new ConfigException("cannot read the config file " + file + ": " + e.getOriginalMessage() + where, e);
        } catch (IOException e) {
            throw new ConfigException("cannot read the config file " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Reads the file with the client's record reader rather than the mapper: every command that talks to the
     * service reads it first, and building the mapper (tens of ms on a cold JVM) would stand in front of the
     * request. Unknown fields are skipped, as the mapper would; a profile written as null is no profile.
     */
    private static Document read(Path file) throws IOException {
        Document doc = JsonRecords.read(Files.readAllBytes(file), Document.class);
        Map<String, Profile> profiles = new TreeMap<>();
        if (doc != null && doc.profiles() != null) {
            doc.profiles().forEach((name, profile) -> {
                if (profile != null) {
                    profiles.put(name, profile);
                }
            });
        }
        Map<String, String> aliases = new TreeMap<>();
        if (doc != null && doc.aliases() != null) {
            doc.aliases().forEach((name, expansion) -> {
                if (expansion != null) {
                    aliases.put(name, expansion);
                }
            });
        }
        return new Document(doc == null ? null : doc.currentProfile(), profiles, aliases);
    }

    /** Where the config file lives for this environment. */
    public static Path pathFor(Map<String, String> env) {
        String xdg = env.get("XDG_CONFIG_HOME");
        Path base;
        if (xdg != null && !xdg.isBlank()) {
            base = Path.of(xdg);
        } else {
            base = home(env).resolve(".config");
        }
        return base.resolve("ticket").resolve("config.json");
    }

    /**
     * The user's home as the shell has it: {@code $HOME}, else Java's {@code user.home} (which the JVM reads
     * from the password database and so ignores a changed HOME). The config file, the service's default data
     * directory and {@code ~} in the chat view all take it from here.
     */
    public static Path home(Map<String, String> env) {
        String home = env.get("HOME");
        return Path.of(home != null && !home.isBlank() ? home : System.getProperty("user.home"));
    }

    public Path path() {
        return path;
    }

    /** The profile named in the file as current, or {@value #DEFAULT_PROFILE}. */
    public String currentProfile() {
        return currentProfile != null && !currentProfile.isBlank() ? currentProfile : DEFAULT_PROFILE;
    }

    public Optional<Profile> profile(String name) {
        return Optional.ofNullable(profiles.get(name));
    }

    public Map<String, Profile> profiles() {
        return Map.copyOf(profiles);
    }

    /** Saves (creates or replaces) a profile and writes the file at once; the first profile saved becomes current. */
    public void saveProfile(String name, String server, String token) {
        profiles.put(name, new Profile(server, token));
        if (currentProfile == null) {
            currentProfile = name;
        }
        write();
    }

    /** Whether the file names {@code name} as its current profile (rather than falling back to the default). */
    public boolean isCurrent(String name) {
        return name.equals(currentProfile());
    }

    /** Makes {@code name} (an existing profile) the current one. */
    public void useProfile(String name) {
        currentProfile = name;
        write();
    }

    /** Removes a profile (server and token); false when there is none by that name. */
    public boolean removeProfile(String name) {
        if (profiles.remove(name) == null) {
            return false;
        }
        if (name.equals(currentProfile)) {
            currentProfile = null;
        }
        write();
        return true;
    }

    /** The aliases by name, sorted. */
    public Map<String, String> aliases() {
        return java.util.Collections.unmodifiableMap(aliases);
    }

    /** Saves (creates or replaces) an alias. */
    public void saveAlias(String name, String expansion) {
        aliases.put(name, expansion);
        write();
    }

    /** Removes an alias; false when there is none by that name. */
    public boolean removeAlias(String name) {
        if (aliases.remove(name) == null) {
            return false;
        }
        write();
        return true;
    }

    /** Forgets a profile's token (keeping its server); false when it had none. */
    public boolean removeToken(String name) {
        Profile profile = profiles.get(name);
        if (profile == null || profile.token() == null) {
            return false;
        }
        profiles.put(name, new Profile(profile.server(), null));
        write();
        return true;
    }

    private void write() {
        try {
            Path dir = path.getParent();
            createPrivateDirectory(dir);
            Path tmp = posix()
                    ? Files.createTempFile(dir, "config", ".tmp",
                            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")))
                    : Files.createTempFile(dir, "config", ".tmp");
            byte[] json = mapper().writerWithDefaultPrettyPrinter()
                    .writeValueAsBytes(new Document(currentProfile, profiles, aliases.isEmpty() ? null : aliases));
            Files.write(tmp, json);
            move(tmp, path);
        } catch (IOException e) {
            throw new ConfigException("cannot write the config file " + path + ": " + e.getMessage(), e);
        }
    }

    private static void createPrivateDirectory(Path dir) throws IOException {
        if (Files.isDirectory(dir)) {
            return;
        }
        Files.createDirectories(dir.getParent());
        if (posix()) {
            Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        } else {
            Files.createDirectory(dir);
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static boolean posix() {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }

    private static ObjectMapper mapper() {
        return Json.mapper();
    }

    /** The config file could not be read or written. */
    public static final class ConfigException extends UncheckedIOException {
        ConfigException(String message, IOException cause) {
            super(message, cause);
        }
    }
}
