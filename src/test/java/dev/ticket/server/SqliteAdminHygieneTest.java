package dev.ticket.server;

import dev.ticket.testing.TestService;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link AdminHygieneContract} on SQLite: a secret is looked for in every file of the data directory. */
class SqliteAdminHygieneTest extends AdminHygieneContract {
    @RegisterExtension
    static final TestService service = TestService.perClass();

    @Override
    Service service() {
        return new Service(service.url(), service.admin());
    }

    /** After a checkpoint (the WAL folded into the file and emptied), the bytes of every file, grepped. */
    @Override
    List<String> storedCopies(String needle) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + service.dataDir().resolve("ticket.db"));
             Statement s = c.createStatement()) {
            s.execute("PRAGMA wal_checkpoint(TRUNCATE)");
        }
        List<String> found = new ArrayList<>();
        byte[] wanted = needle.getBytes(StandardCharsets.UTF_8);
        try (Stream<Path> files = Files.walk(service.dataDir())) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                if (new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1)
                        .contains(new String(wanted, StandardCharsets.ISO_8859_1))) {
                    found.add(service.dataDir().relativize(file).toString());
                }
            }
        }
        return found;
    }
}
