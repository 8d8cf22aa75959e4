package dev.ticket.cli.config;

import dev.ticket.model.Hours;
import dev.ticket.model.time.WorkSchedule;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.time.zone.ZoneRules;
import java.util.List;
import java.util.Map;

/**
 * The service's business hours as last asked, beside {@link RecentIds}: {@code $XDG_CACHE_HOME/ticket/hours.json}
 * (else {@code ~/.cache/ticket/hours.json}). {@code list}, {@code show} and {@code inbox} count their "due in"
 * words with them; asking {@code GET /api/v1/hours} on every listing was a second request in front of the table.
 * A service's hours are part of its settings, so they change only when it is restarted with others: the file is
 * used for {@link #FRESH} after it was written, for the same server only; {@code ticket hours} always asks and
 * rewrites it. Only the schedule is kept (zone, opening times, working days, holidays), not whether the team
 * works now, and the zone's offsets from UTC ({@link KeptOffsets}: counting with them needs no time-zone database).
 * Never fails a command: a file that cannot be read is no file, one that cannot be written is skipped.
 */
public final class HoursCache {
    /** How long kept hours are used before the service is asked again. */
    public static final Duration FRESH = Duration.ofMinutes(10);

    /** What the file holds: the server it was asked of and that server's schedule. */
    record Kept(String server, String zone, String opens, String closes, List<String> workdays,
                List<String> holidays, KeptOffsets offsets) {
    }

    private HoursCache() {
    }

    public static Path file(Map<String, String> env) {
        return RecentIds.file(env).resolveSibling("hours.json");
    }

    /**
     * The schedule kept for {@code server} (any server when null: the start-up's warm-up) when it was written under
     * {@link #FRESH} ago, counting with the kept offsets of its zone (else the JDK's); else null, also when what is
     * kept does not make a schedule.
     */
    public static WorkSchedule read(Map<String, String> env, String server) {
        Kept kept = KeptAnswer.read(file(env), Kept.class, FRESH);
        if (kept == null || server != null && !server.equals(kept.server()) || kept.zone() == null
                || kept.opens() == null || kept.closes() == null || kept.workdays() == null
                || kept.holidays() == null) {
            return null;
        }
        Hours hours = new Hours(kept.zone(), kept.opens(), kept.closes(), kept.workdays(), kept.holidays(), false,
                null, null, null);
        if (kept.offsets() == null && server != null) {
            keepOffsets(env, server, hours); // kept by an older ticket: the next command counts without the database
        }
        return WorkSchedule.orNull(hours, offsets(kept.offsets()));
    }

    /** Writes {@code hours} again with their zone's offsets, keeping the file's time (and so its freshness). */
    private static void keepOffsets(Map<String, String> env, String server, Hours hours) {
        try {
            FileTime written = Files.getLastModifiedTime(file(env));
            write(env, server, hours);
            Files.setLastModifiedTime(file(env), written);
        } catch (IOException | RuntimeException e) {
            // a convenience, as writing is
        }
    }

    /** Keeps {@code hours}, as {@code server} answered them, with the offsets of their zone when the JDK knows it. */
    public static void write(Map<String, String> env, String server, Hours hours) {
        KeptOffsets offsets;
        try {
            offsets = KeptOffsets.of(ZoneId.of(hours.zone()).getRules());
        } catch (DateTimeException | NullPointerException e) {
            offsets = null; // a zone this JDK does not know: no "due in" words from these hours either
        }
        KeptAnswer.write(file(env), new Kept(server, hours.zone(), hours.opens(), hours.closes(), hours.workdays(),
                hours.holidays(), offsets));
    }

    /** The last offsets made and what they were made of: the warm-up's, which the command then uses too. */
    private static volatile Made made;

    private record Made(KeptOffsets kept, ZoneRules rules) {
    }

    /** The kept offsets; null (the JDK's are looked up) when there are none or they do not read. */
    private static ZoneRules offsets(KeptOffsets kept) {
        Made last = made;
        if (last != null && last.kept() == kept) {
            return last.rules(); // the same file read (KeptAnswer), so the same offsets
        }
        try {
            ZoneRules rules = kept == null ? null : kept.zoneRules();
            made = new Made(kept, rules);
            return rules;
        } catch (RuntimeException e) {
            return null;
        }
    }
}
