package dev.ticket.store;

import dev.ticket.files.Trees;
import java.nio.file.Files;
import java.nio.file.Path;

/** The store contract on embedded SQLite. */
class SqliteTicketStoreTest extends TicketStoreContract {
    private Path dir;

    @Override
    TicketStore openStore() throws Exception {
        dir = Files.createTempDirectory("ticket-store-");
        return JdbcTicketStore.openSqlite(dir, 4);
    }

    @Override
    void cleanUp() throws Exception {
        Trees.delete(dir);
    }
}
