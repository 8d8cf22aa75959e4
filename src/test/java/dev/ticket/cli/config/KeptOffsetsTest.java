package dev.ticket.cli.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.ticket.client.ClientJson;
import dev.ticket.model.Hours;
import dev.ticket.model.time.WorkSchedule;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The zone offsets kept beside the hours (hours.json) count as the JDK's own rules do: for every zone the JDK knows,
 * written and read back as the cache does, the offset at and around each transition (historic ones and those the
 * rules of later years make, to 2060) and the offsets and gaps of the local times around them are the JDK's.
 */
class KeptOffsetsTest {
    private static final Instant UNTIL = Instant.parse("2060-01-01T00:00:00Z");

    @Test
    void every_zone_of_the_jdk_reads_back_with_the_same_offsets() throws Exception {
        int checked = 0;
        for (String id : ZoneId.getAvailableZoneIds()) {
            ZoneRules jdk = ZoneId.of(id).getRules();
            ZoneRules kept = ClientJson.read(ClientJson.write(KeptOffsets.of(jdk)), KeptOffsets.class).zoneRules();
            assertEquals(jdk.getOffset(Instant.MIN), kept.getOffset(Instant.MIN), id);
            assertEquals(jdk.getOffset(UNTIL), kept.getOffset(UNTIL), id);
            for (ZoneOffsetTransition t : transitions(jdk)) {
                for (long second : new long[] {-1, 0, 1}) {
                    Instant at = t.getInstant().plusSeconds(second);
                    assertEquals(jdk.getOffset(at), kept.getOffset(at), id + " at " + at);
                }
                for (LocalDateTime local : List.of(t.getDateTimeBefore().minusMinutes(1), t.getDateTimeBefore(),
                        t.getDateTimeBefore().plusMinutes(1), t.getDateTimeAfter().minusMinutes(1),
                        t.getDateTimeAfter(), t.getDateTimeAfter().plusMinutes(1))) {
                    assertEquals(jdk.getValidOffsets(local), kept.getValidOffsets(local), id + " at " + local);
                    assertEquals(jdk.getTransition(local), kept.getTransition(local), id + " at " + local);
                }
                checked++;
            }
        }
        assertEquals(true, checked > 10_000, "transitions checked: " + checked);
    }

    @Test
    void a_schedule_across_a_clock_change_counts_the_same_working_time_with_kept_offsets() {
        Hours hours = new Hours("America/New_York", "00:30", "03:30", List.of("sat", "sun", "mon"), List.of(), false,
                null, null, null);
        WorkSchedule jdk = WorkSchedule.of(hours);
        WorkSchedule kept = WorkSchedule.of(hours, KeptOffsets.of(jdk.rules()).zoneRules());
        Instant from = Instant.parse("2026-03-07T00:00:00Z");
        for (int hour = 0; hour < 72; hour++) {
            Instant to = from.plus(Duration.ofHours(hour));
            assertEquals(jdk.workingTime(from, to), kept.workingTime(from, to), "until " + to);
            assertEquals(jdk.addWorkingTime(from, Duration.ofMinutes(hour * 7L)),
                    kept.addWorkingTime(from, Duration.ofMinutes(hour * 7L)));
        }
        assertNotNull(jdk.rules().getTransition(LocalDateTime.parse("2026-03-08T02:30")), "a gap on the way");
    }

    private static List<ZoneOffsetTransition> transitions(ZoneRules rules) {
        List<ZoneOffsetTransition> all = new ArrayList<>(rules.getTransitions());
        ZoneOffsetTransition next = all.isEmpty() ? rules.nextTransition(Instant.MIN.plusSeconds(1))
                : rules.nextTransition(all.get(all.size() - 1).getInstant());
        while (next != null && next.getInstant().isBefore(UNTIL)) {
            all.add(next);
            next = rules.nextTransition(next.getInstant());
        }
        return all;
    }
}
