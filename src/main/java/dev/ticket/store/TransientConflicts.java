package dev.ticket.store;

import java.sql.SQLException;
import java.util.Set;

/**
 * Errors that mean "another transaction got there first" on PostgreSQL; running the whole transaction
 * again gives the right answer. The one that happens in practice: two nodes open a ticket with the same
 * dedupe key at once, both see no open ticket, and the partial unique index refuses the second insert;
 * run again, the second sees the first's ticket and merges into it.
 */
final class TransientConflicts {
    static final int MAX_ATTEMPTS = 4;
    private static final Set<String> STATES = Set.of(
            "23505", // unique_violation
            "40001", // serialization_failure
            "40P01"); // deadlock_detected

    private TransientConflicts() {
    }

    static boolean retryable(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null && STATES.contains(sql.getSQLState())) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }

    /** A short random pause so that two retrying nodes do not collide again in step. */
    static void pause(int attempt) {
        try {
            Thread.sleep((long) (Math.random() * 10 * attempt));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
