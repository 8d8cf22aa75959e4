package dev.ticket.cli.config;

import dev.ticket.model.User;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.zip.CRC32C;

/**
 * Who the token is, as last asked ({@code GET /api/v1/me}), beside {@link HoursCache}:
 * {@code $XDG_CACHE_HOME/ticket/me.json}. {@code ticket list} needs the caller's role for its columns (agents get
 * account and assignee) and, for {@code --mine}, the caller's id: asking on every listing was a request in front of
 * the table. A user's id and role never change, so the file is used for {@link #FRESH} after it was written, for the
 * same server and token only; {@code ticket whoami} always asks and rewrites it. The token itself is not kept, only
 * a checksum telling whether the file is this token's (CRC32C: no security provider to load at start-up; a
 * collision could only show another user's columns, and the service still answers for the real token).
 */
public final class MeCache {
    /** How long a kept answer is used before the service is asked again. */
    public static final Duration FRESH = Duration.ofMinutes(10);

    /** What the file holds: the server and token checksum it was asked with, and the answer (without a token). */
    record Kept(String server, long tokenCheck, User user) {
    }

    private MeCache() {
    }

    public static Path file(Map<String, String> env) {
        return RecentIds.file(env).resolveSibling("me.json");
    }

    /** The user kept for {@code server} and {@code token} when written under {@link #FRESH} ago; else null. */
    public static User read(Map<String, String> env, String server, String token) {
        long check = check(token); // first, so that the start-up's warm-up sets the checksum up too
        Kept kept = KeptAnswer.read(file(env), Kept.class, FRESH);
        if (kept == null || kept.user() == null || kept.user().role() == null || !server.equals(kept.server())
                || kept.tokenCheck() != check) {
            return null;
        }
        return kept.user();
    }

    /** Keeps {@code me}, as {@code server} answered it for {@code token}. */
    public static void write(Map<String, String> env, String server, String token, User me) {
        KeptAnswer.write(file(env), new Kept(server, check(token),
                new User(me.id(), me.name(), me.role(), me.account(), null, null)));
    }

    private static long check(String token) {
        CRC32C crc = new CRC32C();
        crc.update(token.getBytes(StandardCharsets.UTF_8));
        return crc.getValue();
    }
}
