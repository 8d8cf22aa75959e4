package dev.ticket.store;

import java.io.IOException;
import java.sql.SQLException;
import java.util.Locale;

/**
 * Tells a failure caused by a full disk from others, whichever layer it comes through: the kernel's ENOSPC or
 * EDQUOT on a file (spooling an upload, storing a blob), SQLite's SQLITE_FULL, PostgreSQL's {@code 53100
 * disk_full}. A write that fails this way is answered 507, not 500 or 503, and the CLI does not retry it.
 */
public final class DiskFull {
    private static final int SQLITE_FULL = 13;

    private DiskFull() {
    }

    /** True when {@code failure} or one of its causes says the disk is full. */
    public static boolean is(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String message = String.valueOf(t.getMessage()).toLowerCase(Locale.ROOT);
            if (t instanceof IOException && (message.contains("no space left on device")
                    || message.contains("disk quota exceeded"))) {
                return true;
            }
            if (t instanceof SQLException sql && (sql.getErrorCode() == SQLITE_FULL
                    || "53100".equals(sql.getSQLState()) || message.contains("database or disk is full")
                    || message.contains("no space left on device"))) {
                return true;
            }
        }
        return false;
    }
}
