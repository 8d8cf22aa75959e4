package dev.ticket.model;

import java.time.Instant;
import java.util.List;

/**
 * The support team's business hours and whether it works now (rules.md R10).
 * {@code nextOpen} is when it next starts working (now, if open); {@code closesAt} when the
 * current working period ends (null when closed).
 */
public record Hours(String zone, String opens, String closes, List<String> workdays, List<String> holidays,
                    boolean openNow, Instant now, Instant nextOpen, Instant closesAt) {
}
