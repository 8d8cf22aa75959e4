package dev.ticket.server;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ticket.model.Limits;
import dev.ticket.model.Role;
import dev.ticket.model.Ticket;
import dev.ticket.service.ServiceSettings;
import dev.ticket.testing.ApiClient;
import dev.ticket.testing.MultipartBody;
import dev.ticket.testing.TestService;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Attachments over the real HTTP API: multipart in, streamed bytes out, limits, isolation, R4. */
class AttachmentApiTest {
    static final long LIMIT = 256 * 1024;
    static final byte[] PNG = HexFormat.of().parseHex("89504e470d0a1a0a0000000d4948445200000001000000010806000000");
    static TestService service;
    static ApiClient customer;
    static ApiClient neighbour;
    static ApiClient agent;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() {
        service = TestService.start(s -> s.withService(new ServiceSettings(ServiceSettings.DEFAULT_TOPICS, LIMIT, 3,
                100_000)));
        customer = service.client("Olga", Role.CUSTOMER, "acme");
        neighbour = service.client("Nina", Role.CUSTOMER, "globex");
        agent = service.client("Sam", Role.AGENT, null);
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    Path file(String name, byte[] bytes) throws IOException {
        return Files.write(dir.resolve(name), bytes);
    }

    static long openTicket(ApiClient who, MultipartBody body) {
        return who.postMultipart("/tickets", body.field("title", "Screenshots").field("body", "See the files."))
                .expect(201).as(Ticket.class).id();
    }

    static List<JsonNode> attachments(ApiClient who, long ticketId) {
        List<JsonNode> all = new ArrayList<>();
        for (JsonNode message : who.get("/tickets/" + ticketId).expect(200).json().get("messages")) {
            message.get("attachments").forEach(all::add);
        }
        return all;
    }

    static long blobCount() throws IOException {
        Path blobs = service.dataDir().resolve("blobs");
        try (Stream<Path> files = Files.walk(blobs)) {
            return files.filter(Files::isRegularFile).filter(p -> !p.getParent().endsWith("tmp")).count();
        }
    }

    static long tempCount() throws IOException {
        try (Stream<Path> files = Files.list(service.dataDir().resolve("blobs").resolve("tmp"))) {
            return files.count();
        }
    }

    static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    @Test
    void files_on_a_new_ticket_and_a_reply_come_back_byte_for_byte_with_their_sha256() throws Exception {
        byte[] log = "line one\nline two\n".getBytes(StandardCharsets.UTF_8);
        long id = openTicket(customer, new MultipartBody().file("screen.png", file("a.png", PNG)));
        agent.postMultipart("/tickets/" + id + "/messages", new MultipartBody().field("body", "Logs, please")).expect(201);
        JsonNode reply = customer.postMultipart("/tickets/" + id + "/messages", new MultipartBody()
                .file("app.log", file("app.log", log))).expect(201).json();
        assertEquals("", reply.get("body").asText());
        List<JsonNode> all = attachments(customer, id);
        assertEquals(List.of("screen.png", "app.log"), all.stream().map(a -> a.get("filename").asText()).toList());
        assertEquals(sha256(log), all.get(1).get("sha256").asText());
        assertEquals(log.length, all.get(1).get("size").asLong());
        Path got = dir.resolve("got");
        agent.download("/attachments/" + all.get(1).get("id").asLong(), got).expect(200);
        assertArrayEquals(log, Files.readAllBytes(got));
    }

    @Test
    void the_same_content_is_stored_once_however_often_it_is_attached() throws Exception {
        byte[] bytes = "the very same bytes".getBytes(StandardCharsets.UTF_8);
        long before = blobCount();
        long id = openTicket(customer, new MultipartBody().file("one.txt", file("one.txt", bytes))
                .file("two.txt", file("two.txt", bytes)));
        customer.postMultipart("/tickets/" + id + "/messages", new MultipartBody().file("three.txt", file("three.txt", bytes)))
                .expect(201);
        assertEquals(3, attachments(customer, id).size());
        assertEquals(before + 1, blobCount());
        assertEquals(0, tempCount());
    }

    @Test
    void content_type_comes_from_the_bytes_and_the_download_is_a_safe_attachment() throws Exception {
        long id = openTicket(customer, new MultipartBody().file("отчёт \"1\".html", "text/html", file("x", PNG)));
        JsonNode attachment = attachments(customer, id).get(0);
        assertEquals("image/png", attachment.get("content_type").asText());
        ApiClient.Download reply = customer.download("/attachments/" + attachment.get("id").asLong(), dir.resolve("d"));
        reply.expect(200);
        assertEquals("image/png", reply.header("Content-Type"));
        assertEquals("nosniff", reply.header("X-Content-Type-Options"));
        assertEquals("attachment; filename=\"_____ _1_.html\"; "
                + "filename*=UTF-8''%D0%BE%D1%82%D1%87%D1%91%D1%82%20%221%22.html", reply.header("Content-Disposition"));
        assertEquals(String.valueOf(PNG.length), reply.header("Content-Length"));
    }

    @Test
    void a_path_or_control_characters_in_an_uploaded_name_are_stored_as_a_plain_name() throws Exception {
        long id = openTicket(customer, new MultipartBody().fileExtended("../../etc/pass\u0007wd\n", file("p", PNG)));
        assertEquals("passwd", attachments(customer, id).get(0).get("filename").asText());
        long spoof = openTicket(customer, new MultipartBody().fileExtended("invoice\u202Efdp.exe", file("s", PNG)));
        JsonNode stored = attachments(customer, spoof).get(0);
        assertEquals("invoicefdp.exe", stored.get("filename").asText(), "a bidi override would show it as .pdf");
        String disposition = customer.download("/attachments/" + stored.get("id").asLong(), dir.resolve("s.out"))
                .expect(200).header("Content-Disposition");
        assertEquals("attachment; filename=\"invoicefdp.exe\"; filename*=UTF-8''invoicefdp.exe", disposition);
    }

    @Test
    void another_accounts_attachment_is_not_found_and_the_team_sees_it() throws Exception {
        long id = openTicket(customer, new MultipartBody().file("secret.txt", file("s", "secret".getBytes())));
        long attachmentId = attachments(customer, id).get(0).get("id").asLong();
        ApiClient.Reply hidden = neighbour.get("/attachments/" + attachmentId).expect(404);
        ApiClient.Reply missing = neighbour.get("/attachments/999999").expect(404);
        assertEquals(missing.json().get("type"), hidden.json().get("type"));
        agent.get("/attachments/" + attachmentId).expect(200);
    }

    @Test
    void a_file_over_the_limit_is_refused_with_413_and_leaves_no_message_and_no_blob() throws Exception {
        long id = openTicket(customer, new MultipartBody());
        long blobs = blobCount();
        byte[] big = new byte[(int) LIMIT + 1];
        big[0] = 1;
        JsonNode problem = customer.postMultipart("/tickets/" + id + "/messages", new MultipartBody().field("body", "big")
                .file("big.bin", file("big.bin", big))).expect(413).json();
        assertEquals("too-large", problem.get("type").asText());
        assertEquals("File 'big.bin' is larger than the limit of 256 KiB.", problem.get("detail").asText());
        assertEquals(1, customer.get("/tickets/" + id).expect(200).json().get("message_count").asInt());
        assertEquals(blobs, blobCount());
        assertEquals(0, tempCount());
        customer.postMultipart("/tickets", new MultipartBody().field("title", "t").field("body", "b")
                .file("big.bin", file("big2.bin", big))).expect(413);
        assertEquals(0, tempCount());
    }

    @Test
    void a_file_exactly_at_the_limit_is_accepted() throws Exception {
        byte[] exact = new byte[(int) LIMIT];
        exact[0] = 2;
        long id = openTicket(customer, new MultipartBody().file("exact.bin", file("exact.bin", exact)));
        assertEquals(LIMIT, attachments(customer, id).get(0).get("size").asLong());
    }

    @Test
    void one_file_more_than_a_message_takes_is_refused_with_413() throws Exception {
        MultipartBody body = new MultipartBody().field("title", "t").field("body", "b");
        for (int i = 0; i < 4; i++) {
            body.file("f" + i + ".txt", file("f" + i, ("file " + i).getBytes()));
        }
        long blobs = blobCount();
        JsonNode problem = customer.postMultipart("/tickets", body).expect(413).json();
        assertEquals("A message takes at most 3 files.", problem.get("detail").asText());
        assertEquals(blobs, blobCount());
        assertEquals(0, tempCount());
    }

    @Test
    void the_limits_are_published_for_clients_to_check_before_sending() {
        Limits limits = customer.get("/limits").expect(200).as(Limits.class);
        assertEquals(new Limits(LIMIT, 3, 100_000), limits);
    }

    @Test
    void a_done_ticket_takes_no_attachments_and_keeps_no_blob() throws Exception {
        long id = openTicket(customer, new MultipartBody());
        customer.post("/tickets/" + id + "/close", null).expect(200);
        long blobs = blobCount();
        JsonNode problem = customer.postMultipart("/tickets/" + id + "/messages", new MultipartBody()
                .file("late.txt", file("late.txt", "too late".getBytes()))).expect(409).json();
        assertEquals("ticket-closed", problem.get("type").asText());
        assertTrue(problem.get("detail").asText().contains("ticket new --ref " + id));
        assertEquals(blobs, blobCount());
        assertEquals(0, tempCount());
    }

    @Test
    void unknown_form_fields_and_a_body_cut_short_are_refused_without_leftovers() throws Exception {
        customer.postMultipart("/tickets", new MultipartBody().field("title", "t").field("body", "b").field("colour", "red"))
                .expect(400);
        String boundary = "cut";
        byte[] cut = ("--cut\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.txt\"\r\n\r\nhalf a fi")
                .getBytes(StandardCharsets.UTF_8);
        customer.postBytes("/tickets", "multipart/form-data; boundary=" + boundary, cut).expect(400);
        assertEquals(0, tempCount());
    }
}
