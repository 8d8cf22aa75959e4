package dev.ticket.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

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
        if (dir != null) {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
