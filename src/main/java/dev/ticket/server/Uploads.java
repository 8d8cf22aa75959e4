package dev.ticket.server;

import dev.ticket.model.NewTicket;
import dev.ticket.model.TicketType;
import dev.ticket.service.AttachmentService;
import dev.ticket.service.ServiceException;
import dev.ticket.service.ServiceSettings;
import dev.ticket.service.Upload;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Multipart bodies of the ticket routes: form fields plus {@code file} parts streamed to temporary files. */
final class Uploads {
    static final Set<String> TICKET_FIELDS =
            Set.of("title", "body", "type", "about", "dialog_url", "refs", "labels", "dedupe_key");
    static final Set<String> MESSAGE_FIELDS = Set.of("body");

    private final AttachmentService attachments;

    Uploads(AttachmentService attachments) {
        this.attachments = attachments;
    }

    /** What a multipart request carried; closing deletes temporary files that were not stored. */
    record Received(Map<String, List<String>> fields, List<Upload> files) implements AutoCloseable {
        String field(String name) {
            List<String> values = fields.get(name);
            return values == null || values.isEmpty() ? null : values.get(0);
        }

        List<String> all(String name) {
            return fields.getOrDefault(name, List.of());
        }

        NewTicket newTicket() {
            TicketType type = null;
            String rawType = field("type");
            if (rawType != null && !rawType.isBlank()) {
                try {
                    type = TicketType.parse(rawType);
                } catch (IllegalArgumentException e) {
                    throw ServiceException.validation("type: " + e.getMessage() + ".");
                }
            }
            List<Long> refs = new ArrayList<>();
            for (String ref : all("refs")) {
                try {
                    refs.add(Long.parseLong(ref.strip().replaceFirst("^#", "")));
                } catch (NumberFormatException e) {
                    throw ServiceException.validation("refs: '" + Requests.printable(ref) + "' is not a ticket id.");
                }
            }
            return new NewTicket(field("title"), field("body"), type, field("about"), field("dialog_url"), refs,
                    List.copyOf(all("labels")), field("dedupe_key"));
        }

        @Override
        public void close() throws IOException {
            for (Upload file : files) {
                Files.deleteIfExists(file.tempFile());
            }
        }
    }

    /** Streams the body in; refuses (413) a file over the limit or one file too many before storing anything. */
    Received receive(Context ctx, Set<String> fieldNames) throws IOException {
        ServiceSettings settings = attachments.settings();
        int maxFieldBytes = (int) Math.min(Integer.MAX_VALUE - 8, settings.maxBodyChars() * 3L + 1024);
        MultipartReceiver.Limits limits = new MultipartReceiver.Limits(settings.maxFileBytes(),
                settings.maxFilesPerMessage(), maxFieldBytes);
        InputStream body = ctx.req().getInputStream();
        MultipartReceiver.Form form;
        try {
            form = MultipartReceiver.receive(body, ctx.contentType(), attachments.tempDir(), limits, fieldNames);
        } catch (ServiceException e) {
            answerEarly(ctx, body, e);
            throw new Answered();
        }
        return new Received(form.fields(), form.files());
    }

    /**
     * Answers a refusal seen while the body is still arriving (a file over the limit, one file too many)
     * at once, then reads and drops the rest of the body for a while. A client that watches for an early
     * answer (curl, the CLI) reads the problem document and stops sending; were the connection closed with
     * the body unread, the kernel would reset it and the client would see "broken pipe" instead of the 413.
     */
    private static void answerEarly(Context ctx, InputStream body, ServiceException refusal) {
        dev.ticket.model.Problem problem = Problems.of(refusal, ctx.path());
        byte[] bytes = Problems.bytes(problem);
        var res = ctx.res();
        try {
            res.setStatus(problem.status());
            res.setContentType(Problems.CONTENT_TYPE);
            res.setHeader("Connection", "close");
            res.setContentLength(bytes.length);
            res.getOutputStream().write(bytes);
            res.flushBuffer();
        } catch (IOException e) {
            return; // the client is gone
        }
        long until = System.nanoTime() + DRAIN_FOR.toNanos();
        byte[] sink = new byte[64 * 1024];
        try {
            while (System.nanoTime() < until && body.read(sink) >= 0) {
                // dropped
            }
        } catch (IOException e) {
            // the client stopped sending and closed: done
        }
    }

    /** How long the rest of a refused body is read before the connection is closed regardless. */
    static final java.time.Duration DRAIN_FOR = java.time.Duration.ofSeconds(10);

    /** The request was answered already (see {@link #answerEarly}); nothing more is written. */
    static final class Answered extends RuntimeException {
        Answered() {
            super(null, null, false, false);
        }
    }
}
