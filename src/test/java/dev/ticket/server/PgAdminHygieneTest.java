package dev.ticket.server;

import dev.ticket.testing.PgDatabase;
import dev.ticket.testing.PostgresAvailable;
import dev.ticket.testing.ServeProcess;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@link AdminHygieneContract} on PostgreSQL: a secret is looked for in every text and byte column. */
@ExtendWith(PostgresAvailable.class)
class PgAdminHygieneTest extends AdminHygieneContract {
    static PgDatabase db;
    static ServeProcess serve;

    @BeforeAll
    static void start() throws Exception {
        db = PgDatabase.create();
        serve = ServeProcess.start(Files.createTempDirectory("ticket-hygiene-"), "--db", db.url());
    }

    @AfterAll
    static void stop() {
        if (serve != null) {
            serve.close();
        }
        if (db != null) {
            db.close();
        }
    }

    @Override
    Service service() {
        return new Service(serve.url(), serve.admin());
    }

    @Override
    List<String> storedCopies(String needle) throws Exception {
        List<String> found = new ArrayList<>();
        String[][] columns = {{"messages", "body"}, {"events", "payload"}, {"idempotency", "response"},
                {"attachments", "filename"}, {"audit", "target"}};
        try (Connection c = DriverManager.getConnection(db.url()); Statement s = c.createStatement()) {
            for (String[] column : columns) {
                try (ResultSet rs = s.executeQuery("SELECT count(*) FROM " + column[0] + " WHERE strpos("
                        + column[1] + ", '" + needle + "') > 0")) {
                    rs.next();
                    if (rs.getLong(1) > 0) {
                        found.add(column[0] + "." + column[1]);
                    }
                }
            }
            try (ResultSet rs = s.executeQuery("SELECT count(*) FROM blob_chunks WHERE position('"
                    + needle + "'::bytea in data) > 0")) {
                rs.next();
                if (rs.getLong(1) > 0) {
                    found.add("blob_chunks.data");
                }
            }
        }
        for (Path spooled : Files.walk(serve.dataDir()).filter(Files::isRegularFile).toList()) {
            if (new String(Files.readAllBytes(spooled), StandardCharsets.ISO_8859_1).contains(needle)) {
                found.add(spooled.toString());
            }
        }
        return found;
    }
}
