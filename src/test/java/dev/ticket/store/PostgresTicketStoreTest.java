package dev.ticket.store;

import dev.ticket.files.Trees;
import dev.ticket.testing.PgDatabase;
import dev.ticket.testing.PostgresAvailable;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.extension.ExtendWith;

/** The store contract on PostgreSQL (a database of its own on TICKET_TEST_PG_URL's server). */
@ExtendWith(PostgresAvailable.class)
class PostgresTicketStoreTest extends TicketStoreContract {
    private PgDatabase db;
    private Path dir;

    @Override
    TicketStore openStore() throws Exception {
        db = PgDatabase.create();
        dir = Files.createTempDirectory("ticket-pg-");
        return JdbcTicketStore.openPostgres(db.url(), 4, dir.resolve("spool"));
    }

    @Override
    void cleanUp() throws Exception {
        if (db != null) {
            db.close();
        }
        Trees.delete(dir);
    }
}
