package dev.ticket.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ticket.model.Role;
import dev.ticket.model.Ticket;
import dev.ticket.model.TicketPage;
import dev.ticket.testing.ApiClient;
import dev.ticket.testing.TestService;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** {@code -F -} as a script uses it: the real {@code ticket} process reading a pipe. */
class RealProcessStdinTest {

    @Test
    void new_reads_the_message_from_a_pipe_with_F_dash() throws Exception {
        try (TestService service = TestService.start()) {
            String token = service.addUser("piper", Role.CUSTOMER, "pipes").token();
            Process ticket = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), "dev.ticket.Main", "new", "-t", "From a pipe",
                    "-F", "-", "-q", "--server", service.url(), "--token", token)
                    .redirectError(ProcessBuilder.Redirect.INHERIT).start();
            try (OutputStream stdin = ticket.getOutputStream()) {
                stdin.write("Build 4521 failed:\nстрока по-русски\n".getBytes(StandardCharsets.UTF_8));
            }
            String out = new String(ticket.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            ticket.waitFor(60, TimeUnit.SECONDS);
            assertEquals(0, ticket.exitValue(), out);
            Ticket opened = new ApiClient(service.url(), token).get("/tickets/" + out).expect(200).as(Ticket.class);
            assertEquals("Build 4521 failed:\nстрока по-русски", opened.messages().get(0).body());
            assertEquals(List.of(opened.id()), new ApiClient(service.url(), token).get("/tickets")
                    .as(TicketPage.class).items().stream().map(Ticket::id).toList());
        }
    }

    @Test
    void a_file_from_process_substitution_or_stdin_is_named_for_what_it_is_not_its_descriptor_number()
            throws Exception {
        try (TestService service = TestService.start()) {
            String token = service.addUser("piper", Role.CUSTOMER, "pipes").token();
            ApiClient api = new ApiClient(service.url(), token);
            long id = api.post("/tickets", new dev.ticket.model.NewTicket("Logs", "see files", null, null, null,
                    List.of(), List.of(), null)).expect(201).as(Ticket.class).id();
            String ticket = String.join(" ", Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", "'" + System.getProperty("java.class.path") + "'", "dev.ticket.Main", "attach",
                    Long.toString(id), "--server", service.url(), "--token", token, "-q");
            Process bash = new ProcessBuilder("bash", "-c", ticket + " <(printf 'log line\\n') /dev/stdin"
                    + " <<< 'from stdin'").redirectErrorStream(true).start();
            String out = new String(bash.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            bash.waitFor(60, TimeUnit.SECONDS);
            assertEquals(0, bash.exitValue(), out);
            List<dev.ticket.model.Attachment> files = api.get("/tickets/" + id).expect(200).as(Ticket.class)
                    .messages().get(1).attachments();
            assertEquals(2, files.size(), files.toString());
            assertEquals("stdin.txt", files.get(0).filename(), files.toString());
            assertEquals("stdin-2.txt", files.get(1).filename(), files.toString());
            assertEquals(List.of(9L, 11L), files.stream().map(dev.ticket.model.Attachment::size).toList());
        }
    }
}
