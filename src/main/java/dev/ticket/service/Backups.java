package dev.ticket.service;

import dev.ticket.files.BackupArchive;
import dev.ticket.store.TicketStore;
import java.io.IOException;

/** Backups of the whole store, for admins: SQLite's own; PostgreSQL is pg_dump's job. */
public final class Backups {
    /** What a PostgreSQL service answers (501) and the CLI repeats. */
    public static final String USE_PG_DUMP = "This service keeps its data in PostgreSQL: back it up with pg_dump "
            + "(e.g. pg_dump -Fc DBNAME > ticket.dump); the backup endpoint serves SQLite services only.";

    private final TicketStore store;

    public Backups(TicketStore store) {
        this.store = store;
    }

    /**
     * A consistent copy of the database and the attachment files, taken while writes go on; the caller streams
     * it and closes it (which deletes the copy).
     */
    public BackupArchive.Snapshot snapshot(Caller caller) throws IOException {
        if (!caller.admin()) {
            throw new ServiceException(ServiceException.Kind.FORBIDDEN, "Only admins take backups.");
        }
        try {
            return store.snapshot();
        } catch (UnsupportedOperationException e) {
            throw new ServiceException(ServiceException.Kind.NOT_IMPLEMENTED, USE_PG_DUMP);
        }
    }
}
