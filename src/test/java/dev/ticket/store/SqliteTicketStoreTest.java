package dev.ticket.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.ticket.files.Trees;
import dev.ticket.model.TicketType;
import dev.ticket.service.ServiceException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

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

    /**
     * The title index's rows are written once the batch's savepoints are released (GroupCommit): those of a write
     * that was rolled back are not, and those of the writes that stayed are, in the same commit.
     */
    @Test
    void a_rolled_back_ticket_leaves_no_row_in_the_title_index() throws Exception {
        Instant now = Instant.now();
        NewTicketRow row = new NewTicketRow(f.customer.accountId(), f.customer.userId(), "Phantom", "phantom",
                TicketType.QUESTION, null, null, null, now, now);
        assertThrows(ServiceException.class, () -> store.write(tx -> {
            tx.insertTicket(row);
            throw ServiceException.validation("no");
        }));
        long real = f.open("Real").id();
        assertEquals(List.of(), titleIndexRows("phantom"));
        assertEquals(List.of(real), titleIndexRows("real"));
    }

    private List<Long> titleIndexRows(String folded) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("ticket.db"));
             PreparedStatement s = c.prepareStatement("SELECT rowid FROM " + SqliteTitleIndex.TABLE + " WHERE "
                     + SqliteTitleIndex.TABLE + " MATCH ? ORDER BY rowid")) {
            s.setString(1, String.join(" AND ", TitleGrams.tokens(folded, 8)));
            List<Long> rows = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    rows.add(rs.getLong(1));
                }
            }
            return rows;
        }
    }
}
