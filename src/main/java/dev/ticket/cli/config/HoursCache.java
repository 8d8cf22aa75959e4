package dev.ticket.cli.config;

import dev.ticket.model.Hours;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The service's business hours as last asked, beside {@link RecentIds}: {@code $XDG_CACHE_HOME/ticket/hours.json}
 * (else {@code ~/.cache/ticket/hours.json}). {@code list}, {@code show} and {@code inbox} count their "due in"
 * words with them; asking {@code GET /api/v1/hours} on every listing was a second request in front of the table.
 * A service's hours are part of its settings, so they change only when it is restarted with others: the file is
 * used for {@link #FRESH} after it was written, for the same server only; {@code ticket hours} always asks and
 * rewrites it. Only the schedule is kept (zone, opening times, working days, holidays), not whether the team
 * works now. Never fails a command: a file that cannot be read is no file, one that cannot be written is skipped.
 */
public final class HoursCache {
    /** How long kept hours are used before the service is asked again. */
    public static final Duration FRESH = Duration.ofMinutes(10);

    /** What the file holds: the server it was asked of and that server's schedule. */
    record Kept(String server, String zone, String opens, String closes, List<String> workdays,
                List<String> holidays) {
    }

    private HoursCache() {
    }

    public static Path file(Map<String, String> env) {
        return RecentIds.file(env).resolveSibling("hours.json");
    }

    /** The schedule kept for {@code server} when it was written under {@link #FRESH} ago; else null. */
    public static Hours read(Map<String, String> env, String server) {
        Kept kept = KeptAnswer.read(file(env), Kept.class, FRESH);
        if (kept == null || !server.equals(kept.server()) || kept.zone() == null || kept.opens() == null
                || kept.closes() == null || kept.workdays() == null || kept.holidays() == null) {
            return null;
        }
        return new Hours(kept.zone(), kept.opens(), kept.closes(), kept.workdays(), kept.holidays(), false, null,
                null, null);
    }

    /** Keeps {@code hours}, as {@code server} answered them. */
    public static void write(Map<String, String> env, String server, Hours hours) {
        KeptAnswer.write(file(env), new Kept(server, hours.zone(), hours.opens(), hours.closes(), hours.workdays(),
                hours.holidays()));
    }
}
