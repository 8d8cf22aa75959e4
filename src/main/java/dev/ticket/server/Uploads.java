package dev.ticket.server;

import dev.ticket.model.NewTicket;
import dev.ticket.model.TicketType;
import dev.ticket.service.AttachmentService;
import dev.ticket.service.ServiceException;
import dev.ticket.service.ServiceSettings;
import dev.ticket.service.StoreFailures;
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
        /** A field that is sent once: a second value is refused as a JSON body's repeated key is (SPEC 7.2). */
        String field(String name) {
            List<String> values = fields.get(name);
            if (values != null && values.size() > 1) {
                throw new ServiceException(ServiceException.Kind.BAD_REQUEST, "The form field '" + name
                        + "' is given " + values.size() + " times; send it once (only refs and labels repeat).");
            }
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
                String digits = ref.strip().replaceFirst("^#", "");
                if (!digits.matches("[0-9]{1,18}")) {
                    throw ServiceException.validation("refs: '" + Requests.printable(ref) + "' is not a ticket id.");
                }
                refs.add(Long.parseLong(digits));
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
            throw Problems.answerEarly(ctx, body, e);
        } catch (IOException | RuntimeException e) {
            if (StoreFailures.diskFull(e)) { // every temporary file is gone already; the client hears 507, not "malformed"
                throw Problems.answerEarly(ctx, body, ServiceException.diskFull());
            }
            throw e;
        }
        return new Received(form.fields(), form.files());
    }
}
