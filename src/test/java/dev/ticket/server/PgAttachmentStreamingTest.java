package dev.ticket.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ticket.model.Role;
import dev.ticket.testing.ApiClient;
import dev.ticket.testing.PgDatabase;
import dev.ticket.testing.PostgresAvailable;
import dev.ticket.testing.ServeProcess;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * With PostgreSQL, attachment bytes go into the database and come back out in chunks: a file well
 * over the service's heap passes through a node, and a second node serves it.
 */
@ExtendWith(PostgresAvailable.class)
class PgAttachmentStreamingTest {
    static final long SIZE = 128L * 1024 * 1024;

    @TempDir
    Path dir;

    @Test
    void a_file_larger_than_the_heap_goes_into_postgresql_and_out_through_another_node() throws Exception {
        Path big = AttachmentStreamingTest.randomFile(dir.resolve("big.bin"), SIZE);
        String sha = AttachmentStreamingTest.sha256(big);
        try (PgDatabase db = PgDatabase.create();
             ServeProcess first = ServeProcess.startWithHeap(dir.resolve("a"), "48m", "--db", db.url(),
                     "--max-file-size", String.valueOf(SIZE));
             ServeProcess second = ServeProcess.startWithHeap(dir.resolve("b"), "48m", "--db", db.url(),
                     "--max-file-size", String.valueOf(SIZE))) {
            ApiClient customer = first.client("Olga", Role.CUSTOMER, "acme");
            JsonNode attachment = AttachmentStreamingTest.attachTo(customer, big);
            assertEquals(SIZE, attachment.get("size").asLong());
            Path back = dir.resolve("back.bin");
            new ApiClient(second.url(), customer.token())
                    .download("/attachments/" + attachment.get("id").asLong(), back).expect(200);
            assertEquals(sha, AttachmentStreamingTest.sha256(back));
        }
    }
}
