package dev.ticket.server;

import dev.ticket.model.NewTicket;
import dev.ticket.model.TicketType;
import dev.ticket.service.AttachmentService;
import dev.ticket.service.ServiceException;
import dev.ticket.service.Upload;
import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Collectors;

/** Multipart bodies: form fields plus {@code file} parts streamed to temporary files and hashed. */
final class Uploads {
    private final AttachmentService attachments;

    Uploads(AttachmentService attachments) {
        this.attachments = attachments;
    }

    /** What a multipart request carried; closing deletes temporary files that were not stored. */
    record Received(Context ctx, List<Upload> files) implements AutoCloseable {
        String field(String name) {
            return ctx.formParam(name);
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
            for (String ref : ctx.formParams("refs")) {
                try {
                    refs.add(Long.parseLong(ref.strip().replaceFirst("^#", "")));
                } catch (NumberFormatException e) {
                    throw ServiceException.validation("refs: '" + Requests.printable(ref) + "' is not a ticket id.");
                }
            }
            return new NewTicket(field("title"), field("body"), type, field("about"), field("dialog_url"), refs,
                    ctx.formParams("labels").stream().collect(Collectors.toList()), field("dedupe_key"));
        }

        @Override
        public void close() throws IOException {
            for (Upload file : files) {
                Files.deleteIfExists(file.tempFile());
            }
        }
    }

    Received receive(Context ctx) throws IOException {
        List<Upload> files = new ArrayList<>();
        try {
            for (UploadedFile part : ctx.uploadedFiles("file")) {
                files.add(spool(part));
            }
        } catch (IOException | RuntimeException e) {
            new Received(ctx, files).close();
            throw e;
        }
        return new Received(ctx, files);
    }

    private Upload spool(UploadedFile part) throws IOException {
        long limit = attachments.settings().maxFileBytes();
        if (part.size() > limit) {
            throw attachments.tooLarge(part.filename());
        }
        Path temp = Files.createTempFile(attachments.tempDir(), "upload-", ".part");
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        long size;
        try (InputStream in = new DigestInputStream(part.content(), sha);
             OutputStream out = Files.newOutputStream(temp)) {
            size = in.transferTo(out);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(temp);
            throw e;
        }
        if (size > limit) {
            Files.deleteIfExists(temp);
            throw attachments.tooLarge(part.filename());
        }
        return new Upload(part.filename(), temp, size, HexFormat.of().formatHex(sha.digest()));
    }
}
