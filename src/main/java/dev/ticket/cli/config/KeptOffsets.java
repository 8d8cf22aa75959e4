package dev.ticket.cli.config;

import java.time.DayOfWeek;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.Month;
import java.time.ZoneOffset;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneOffsetTransitionRule;
import java.time.zone.ZoneOffsetTransitionRule.TimeDefinition;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.List;

/**
 * A time zone's offsets from UTC as {@link HoursCache} keeps them beside the hours, so that the "due in" words count
 * without the JDK's time-zone database: its first use reads the directory of the whole program jar (~27,000
 * entries), looking for other providers, ~20 ms of CPU of {@code ticket list}. What is kept is what
 * {@link ZoneRules} says in public: the offset before the first transition ({@code offset}, in seconds), each
 * transition as its instant and the offset after it ({@code transitions}, epoch seconds and seconds, in pairs),
 * and the rules of the years after the last one ({@code rules}, nine numbers each: month, day-of-month indicator,
 * day of week or 0, second of the day, 1 for the end of the day, time definition, then the standard offset, the
 * offset before and after). {@link #zoneRules()} makes the same offsets again with {@link ZoneRules#of}; only the
 * standard (winter) offsets, which a schedule does not use, are not kept.
 */
record KeptOffsets(Integer offset, List<Long> transitions, List<Integer> rules) {
    private static final int RULE = 9;

    static KeptOffsets of(ZoneRules zone) {
        List<ZoneOffsetTransition> all = zone.getTransitions();
        ZoneOffset first = all.isEmpty() ? zone.getOffset(java.time.Instant.EPOCH) : all.get(0).getOffsetBefore();
        List<Long> transitions = new ArrayList<>(all.size() * 2);
        for (ZoneOffsetTransition t : all) {
            transitions.add(t.toEpochSecond());
            transitions.add((long) t.getOffsetAfter().getTotalSeconds());
        }
        List<Integer> rules = new ArrayList<>();
        for (ZoneOffsetTransitionRule r : zone.getTransitionRules()) {
            rules.addAll(List.of(r.getMonth().getValue(), r.getDayOfMonthIndicator(),
                    r.getDayOfWeek() == null ? 0 : r.getDayOfWeek().getValue(), r.getLocalTime().toSecondOfDay(),
                    r.isMidnightEndOfDay() ? 1 : 0, r.getTimeDefinition().ordinal(),
                    r.getStandardOffset().getTotalSeconds(), r.getOffsetBefore().getTotalSeconds(),
                    r.getOffsetAfter().getTotalSeconds()));
        }
        return new KeptOffsets(first.getTotalSeconds(), transitions, rules);
    }

    /** The zone's offsets again; a file that does not hold them throws (a {@code RuntimeException}). */
    ZoneRules zoneRules() {
        if (transitions.size() % 2 != 0 || rules.size() % RULE != 0) {
            throw new IllegalArgumentException("kept offsets of an odd length");
        }
        ZoneOffset before = ZoneOffset.ofTotalSeconds(offset);
        List<ZoneOffsetTransition> list = new ArrayList<>(transitions.size() / 2);
        for (int i = 0; i < transitions.size(); i += 2) {
            ZoneOffset after = ZoneOffset.ofTotalSeconds(Math.toIntExact(transitions.get(i + 1)));
            list.add(ZoneOffsetTransition.of(LocalDateTime.ofEpochSecond(transitions.get(i), 0, before), before,
                    after));
            before = after;
        }
        List<ZoneOffsetTransitionRule> last = new ArrayList<>(rules.size() / RULE);
        for (int i = 0; i < rules.size(); i += RULE) {
            int day = rules.get(i + 2);
            last.add(ZoneOffsetTransitionRule.of(Month.of(rules.get(i)), rules.get(i + 1),
                    day == 0 ? null : DayOfWeek.of(day), LocalTime.ofSecondOfDay(rules.get(i + 3)),
                    rules.get(i + 4) == 1, TimeDefinition.values()[rules.get(i + 5)],
                    ZoneOffset.ofTotalSeconds(rules.get(i + 6)), ZoneOffset.ofTotalSeconds(rules.get(i + 7)),
                    ZoneOffset.ofTotalSeconds(rules.get(i + 8))));
        }
        ZoneOffset base = ZoneOffset.ofTotalSeconds(offset);
        return ZoneRules.of(base, base, List.of(), list, last);
    }
}
