package dev.ticket.client;

import dev.ticket.model.NewTicket;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.hc.client5.http.entity.mime.ContentBody;
import org.apache.hc.client5.http.entity.mime.FileBody;
import org.apache.hc.client5.http.entity.mime.FormBodyPartBuilder;
import org.apache.hc.client5.http.entity.mime.HttpMultipartMode;
import org.apache.hc.client5.http.entity.mime.InputStreamBody;
import org.apache.hc.client5.http.entity.mime.MultipartEntityBuilder;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.io.entity.HttpEntityWrapper;

/**
 * multipart/form-data bodies for the ticket routes: form fields plus {@code file} parts that are read
 * from disk while they are sent (never held in memory), reporting progress as bytes go out.
 */
final class MultipartBodies {
    private static final ContentType TEXT = ContentType.TEXT_PLAIN.withCharset(StandardCharsets.UTF_8);

    private MultipartBodies() {
    }

    static HttpEntity ticket(NewTicket ticket, List<FilePart> files, TransferProgress progress) {
        MultipartEntityBuilder form = builder();
        text(form, "title", ticket.title());
        text(form, "body", ticket.body());
        text(form, "type", ticket.type() == null ? null : ticket.type().wire());
        text(form, "about", ticket.about());
        text(form, "dialog_url", ticket.dialogUrl());
        if (ticket.refs() != null) {
            ticket.refs().forEach(ref -> text(form, "refs", Long.toString(ref)));
        }
        if (ticket.labels() != null) {
            ticket.labels().forEach(label -> text(form, "labels", label));
        }
        text(form, "dedupe_key", ticket.dedupeKey());
        return withFiles(form, files, progress);
    }

    static HttpEntity message(String body, List<FilePart> files, TransferProgress progress) {
        MultipartEntityBuilder form = builder();
        text(form, "body", body);
        return withFiles(form, files, progress);
    }

    private static MultipartEntityBuilder builder() {
        // Part headers written as given, in UTF-8 (LEGACY): EXTENDED mode percent-encodes the file name
        // ("screen%20shot.png") and adds a quoted filename*, which RFC 7578 (4.2) says not to send.
        return MultipartEntityBuilder.create().setMode(HttpMultipartMode.LEGACY).setCharset(StandardCharsets.UTF_8);
    }

    private static void text(MultipartEntityBuilder form, String name, String value) {
        if (value != null) {
            form.addTextBody(name, value, TEXT);
        }
    }

    private static HttpEntity withFiles(MultipartEntityBuilder form, List<FilePart> files,
                                        TransferProgress progress) {
        List<String> names = partNames(files);
        for (int i = 0; i < files.size(); i++) {
            FilePart file = files.get(i);
            ContentBody body = file.path() != null ? new LargeFileBody(file.path(), names.get(i))
                    : new InputStreamBody(file.stream(), ContentType.APPLICATION_OCTET_STREAM, names.get(i));
            form.addPart(FormBodyPartBuilder.create("file", body)
                    .setField("Content-Disposition", disposition(names.get(i))).build());
        }
        HttpEntity entity = form.build();
        return progress == TransferProgress.NONE ? entity : new Counted(entity, progress);
    }

    /**
     * {@code form-data; name="file"; filename="..."} with the name as it is, in UTF-8 (RFC 7578 4.2, as browsers
     * and curl send it): only {@code "} and {@code \} are escaped in the quoted string, and line breaks and other
     * controls, which the service drops from names anyway, are left out so that they cannot end the header.
     */
    static String disposition(String filename) {
        StringBuilder quoted = new StringBuilder();
        filename.codePoints().filter(c -> !Character.isISOControl(c)).forEach(c -> {
            if (c == '"' || c == '\\') {
                quoted.append('\\');
            }
            quoted.appendCodePoint(c);
        });
        return "form-data; name=\"file\"; filename=\"" + quoted + "\"";
    }

    /**
     * The names the files are sent under (rules.md, contract): the one given, else the file's own, except for what the
     * shell handed over as a descriptor ({@code <(make test)} is {@code /dev/fd/63}) or standard input: that is
     * {@code stdin.txt} ({@code stdin-2.txt}, ... for a second and third in one message).
     */
    static List<String> partNames(List<FilePart> files) {
        List<String> names = new java.util.ArrayList<>(files.size());
        int piped = 0;
        for (FilePart file : files) {
            String name = file.name() != null ? file.name() : file.path() == null ? null : ownName(file.path());
            if (name == null) {
                piped++;
                name = piped == 1 ? "stdin.txt" : "stdin-" + piped + ".txt";
            }
            names.add(name);
        }
        return names;
    }

    /** The file's own name; null for a descriptor or standard input, whose "name" is a number. */
    static String ownName(Path file) {
        String name = file.getFileName() == null ? "file" : file.getFileName().toString();
        String parent = file.getParent() == null ? "" : file.getParent().toString();
        boolean descriptor = parent.equals("/dev/fd") || parent.equals("/proc/self/fd")
                || parent.matches("/proc/\\d+/fd");
        if (file.toString().equals("/dev/stdin") || (descriptor && name.chars().allMatch(Character::isDigit))) {
            return null;
        }
        return name;
    }

    /**
     * A file part read in large blocks (FileBody's 4 KiB reads cost a syscall pair per 4 KiB sent). A pipe
     * has no length: the body is then sent chunked, and cannot be sent a second time.
     */
    private static final class LargeFileBody extends FileBody {
        private static final int BLOCK = 256 * 1024;
        private final boolean regular;

        LargeFileBody(Path file, String name) {
            super(file.toFile(), ContentType.APPLICATION_OCTET_STREAM, name);
            this.regular = Files.isRegularFile(file);
        }

        @Override
        public long getContentLength() {
            return regular ? super.getContentLength() : -1;
        }

        @Override
        public void writeTo(OutputStream out) throws IOException {
            try (InputStream in = Files.newInputStream(getFile().toPath())) {
                byte[] block = new byte[BLOCK];
                for (int n; (n = in.read(block)) >= 0; ) {
                    out.write(block, 0, n);
                }
            }
        }
    }

    /** Reports each write of the wrapped body to a {@link TransferProgress}. */
    private static final class Counted extends HttpEntityWrapper {
        private final TransferProgress progress;

        Counted(HttpEntity entity, TransferProgress progress) {
            super(entity);
            this.progress = progress;
        }

        @Override
        public void writeTo(OutputStream out) throws IOException {
            super.writeTo(new FilterOutputStream(out) {
                @Override
                public void write(byte[] b, int off, int len) throws IOException {
                    out.write(b, off, len);
                    progress.advance(len);
                }

                @Override
                public void write(int b) throws IOException {
                    out.write(b);
                    progress.advance(1);
                }
            });
        }
    }
}
