package dev.ticket.server;

import dev.ticket.model.ByteSizes;
import dev.ticket.service.ServiceException;
import dev.ticket.service.Upload;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.MultiPart;
import org.eclipse.jetty.io.Content;

/**
 * Reads a multipart/form-data body in one streaming pass: each {@code file} part goes straight to a
 * temporary file while it is hashed, so memory stays flat for any size, and a part over the per-file
 * limit (or one file too many) is refused the moment it is seen, before anything is stored.
 */
final class MultipartReceiver extends MultiPart.AbstractPartsListener {
    static final String FILE_PART = "file";
    // Jetty hands over at most its 64 KiB input buffer per read; more here would only cost heap per upload
    private static final int READ_BUFFER = 64 * 1024;
    private static final int MAX_FIELDS = 100;

    /** The limits a body is held to. */
    record Limits(long maxFileBytes, int maxFiles, int maxFieldBytes) {
    }

    /** The fields (each name may repeat) and the files, already on disk and hashed. */
    record Form(Map<String, List<String>> fields, List<Upload> files) {
    }

    private final Path tempDir;
    private final Limits limits;
    private final Set<String> fieldNames;
    private final Map<String, List<String>> fields = new LinkedHashMap<>();
    private final List<Upload> files = new ArrayList<>();
    private String encodedFileName;
    private int fieldCount;
    private RuntimeException failure;
    private SpooledFile file;
    private ByteArrayOutputStream field;

    private MultipartReceiver(Path tempDir, Limits limits, Set<String> fieldNames) {
        this.tempDir = tempDir;
        this.limits = limits;
        this.fieldNames = fieldNames;
    }

    /**
     * Parses the body; on any refusal or failure every temporary file is deleted before the exception
     * leaves. {@code fieldNames} are the form fields the route takes besides {@code file}.
     */
    static Form receive(InputStream body, String contentType, Path tempDir, Limits limits, Set<String> fieldNames)
            throws IOException {
        String boundary = MultiPart.extractBoundary(contentType);
        if (boundary == null || boundary.isEmpty()) {
            throw new ServiceException(ServiceException.Kind.BAD_REQUEST,
                    "The multipart/form-data body has no boundary.");
        }
        MultipartReceiver receiver = new MultipartReceiver(tempDir, limits, fieldNames);
        MultiPart.Parser parser = new MultiPart.Parser(boundary, receiver);
        parser.setPartHeadersMaxLength(16 * 1024);
        try {
            byte[] buffer = new byte[READ_BUFFER];
            while (receiver.failure == null) {
                int n = body.read(buffer);
                parser.parse(n < 0 ? Content.Chunk.EOF : Content.Chunk.from(ByteBuffer.wrap(buffer, 0, n), false));
                if (n < 0) {
                    break;
                }
            }
            if (receiver.failure != null) {
                throw receiver.failure;
            }
            return new Form(receiver.fields, List.copyOf(receiver.files));
        } catch (IOException | RuntimeException | Error e) {
            receiver.discard(); // an OutOfMemoryError too must not leave temporary files behind
            throw e;
        }
    }

    @Override
    public void onPartHeader(String name, String value) {
        super.onPartHeader(name, value);
        if (name.equalsIgnoreCase("Content-Disposition")) {
            encodedFileName = extendedFileName(value);
        }
    }

    @Override
    public void onPartHeaders() {
        if (failure != null) {
            return;
        }
        String name = getName();
        try {
            if (FILE_PART.equals(name)) {
                if (files.size() >= limits.maxFiles()) {
                    throw new ServiceException(ServiceException.Kind.TOO_LARGE,
                            "A message takes at most " + limits.maxFiles() + " files.");
                }
                String fileName = encodedFileName != null ? encodedFileName : getFileName();
                file = SpooledFile.create(tempDir, fileName == null ? "" : fileName);
            } else if (name != null && fieldNames.contains(name)) {
                if (++fieldCount > MAX_FIELDS) {
                    throw ServiceException.validation("The form has more than " + MAX_FIELDS + " fields.");
                }
                field = new ByteArrayOutputStream();
            } else {
                throw new ServiceException(ServiceException.Kind.BAD_REQUEST, name == null
                        ? "A form part has no name." : Problems.UNKNOWN_FIELD + Requests.printable(name)
                        + "'; this service does not take it.");
            }
        } catch (IOException e) {
            fail(new UncheckedIOException(e));
        } catch (RuntimeException e) {
            fail(e);
        }
    }

    /** Chunks are slices of the reader's own heap buffer, consumed before parse returns: nothing to release. */
    @Override
    public void onPartContent(Content.Chunk chunk) {
        try {
            if (failure != null) {
                return;
            }
            ByteBuffer bytes = chunk.getByteBuffer();
            if (file != null) {
                if (file.size() + bytes.remaining() > limits.maxFileBytes()) {
                    throw new ServiceException(ServiceException.Kind.TOO_LARGE, "File '"
                            + Requests.printable(file.filename()) + "' is larger than the limit of "
                            + ByteSizes.human(limits.maxFileBytes()) + ".");
                }
                file.write(bytes);
            } else if (field != null) {
                if (field.size() + bytes.remaining() > limits.maxFieldBytes()) {
                    throw new ServiceException(ServiceException.Kind.TOO_LARGE, "The form field '"
                            + Requests.printable(getName()) + "' is longer than this service accepts.");
                }
                byte[] copy = new byte[bytes.remaining()];
                bytes.get(copy);
                field.writeBytes(copy);
            }
        } catch (IOException e) {
            fail(new UncheckedIOException(e));
        } catch (RuntimeException e) {
            fail(e);
        }
    }

    @Override
    public void onPart(String name, String fileName, HttpFields headers) {
        encodedFileName = null;
        if (failure != null) {
            return;
        }
        try {
            if (file != null) {
                files.add(file.finish());
                file = null;
            } else if (field != null) {
                fields.computeIfAbsent(name, k -> new ArrayList<>()).add(utf8(name, field.toByteArray()));
                field = null;
            }
        } catch (IOException e) {
            fail(new UncheckedIOException(e));
        } catch (RuntimeException e) {
            fail(e);
        }
    }

    /** A text part's value; not UTF-8 is 400, as in a JSON body, rather than text with U+FFFD in it. */
    private static String utf8(String name, byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new ServiceException(ServiceException.Kind.BAD_REQUEST, "The form field '"
                    + Requests.printable(name) + "' is not valid UTF-8; send text as UTF-8.");
        }
    }

    @Override
    public void onFailure(Throwable cause) {
        if (failure == null) {
            fail(new ServiceException(ServiceException.Kind.BAD_REQUEST,
                    "The multipart/form-data body is malformed or cut short (" + Requests.printable(
                            String.valueOf(cause.getMessage())) + ")."));
        }
    }

    private void fail(RuntimeException e) {
        if (failure == null) {
            failure = e;
        }
    }

    private void discard() {
        List<Path> temps = new ArrayList<>(files.stream().map(Upload::tempFile).toList());
        if (file != null) {
            file.closeQuietly();
            temps.add(file.temp());
        }
        for (Path temp : temps) {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException e) {
                // the orphan sweep at the next start removes what is left in the temp directory
            }
        }
    }

    /**
     * RFC 5987 {@code filename*=UTF-8''...}, which wins over {@code filename} when a client sends both (RFC 7578
     * says not to, but some do, and some quote it: httpclient's {@code filename*="UTF-8''a%20b.png"}). Parameters
     * are split at {@code ;} outside quoted strings, so a plain {@code filename="a;b.png"} does not confuse it.
     */
    static String extendedFileName(String disposition) {
        for (String param : parameters(disposition)) {
            String p = param.strip();
            if (p.regionMatches(true, 0, "filename*=", 0, 10)) {
                String value = p.substring(10).strip();
                if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
                    value = value.substring(1, value.length() - 1);
                }
                int quote = value.indexOf("''");
                if (quote >= 0 && value.substring(0, quote).equalsIgnoreCase("UTF-8")) {
                    try {
                        return URLDecoder.decode(value.substring(quote + 2).replace("+", "%2B"),
                                StandardCharsets.UTF_8);
                    } catch (IllegalArgumentException e) {
                        return null;
                    }
                }
            }
        }
        return null;
    }

    private static List<String> parameters(String header) {
        List<String> params = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < header.length(); i++) {
            char c = header.charAt(i);
            if (quoted && c == '\\' && i + 1 < header.length()) {
                current.append(c).append(header.charAt(++i));
                continue;
            }
            if (c == '"') {
                quoted = !quoted;
            } else if (c == ';' && !quoted) {
                params.add(current.toString());
                current.setLength(0);
                continue;
            }
            current.append(c);
        }
        params.add(current.toString());
        return params;
    }
}
