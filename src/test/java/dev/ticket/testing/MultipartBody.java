package dev.ticket.testing;

import java.io.ByteArrayOutputStream;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Builds a multipart/form-data body by hand, so tests control every byte. File parts given as a
 * {@link Path} are streamed from disk by {@link #publisher()}, never read into memory.
 */
public final class MultipartBody {
    private final String boundary = "b" + UUID.randomUUID().toString().replace("-", "");
    /** Each element is a byte[] or a Path. */
    private final List<Object> pieces = new ArrayList<>();

    public MultipartBody field(String name, String value) {
        text("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n");
        pieces.add(value.getBytes(StandardCharsets.UTF_8));
        text("\r\n");
        return this;
    }

    public MultipartBody file(String filename, String contentType, byte[] content) {
        header("filename=\"" + filename + "\"", contentType);
        pieces.add(content);
        text("\r\n");
        return this;
    }

    /** A {@code file} part named {@code filename} (sent as given, quotes escaped), claiming {@code contentType}. */
    public MultipartBody file(String filename, String contentType, Path file) {
        header("filename=\"" + filename.replace("\"", "\\\"") + "\"", contentType);
        pieces.add(file);
        text("\r\n");
        return this;
    }

    public MultipartBody file(String filename, Path file) {
        return file(filename, "application/octet-stream", file);
    }

    /** A {@code file} part whose name travels as RFC 5987 {@code filename*} (so it may hold any character). */
    public MultipartBody fileExtended(String filename, Path file) {
        header("filename*=UTF-8''" + URLEncoder.encode(filename, StandardCharsets.UTF_8).replace("+", "%20"),
                "application/octet-stream");
        pieces.add(file);
        text("\r\n");
        return this;
    }

    public String contentType() {
        return "multipart/form-data; boundary=" + boundary;
    }

    /** The whole body in memory (for small bodies). */
    public byte[] bytes() {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        for (Object piece : withClosing()) {
            try {
                all.writeBytes(piece instanceof Path p ? Files.readAllBytes(p) : (byte[]) piece);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return all.toByteArray();
    }

    /** The body as a streaming publisher. */
    public HttpRequest.BodyPublisher publisher() {
        List<HttpRequest.BodyPublisher> all = new ArrayList<>();
        for (Object piece : withClosing()) {
            try {
                all.add(piece instanceof Path p ? HttpRequest.BodyPublishers.ofFile(p)
                        : HttpRequest.BodyPublishers.ofByteArray((byte[]) piece));
            } catch (FileNotFoundException e) {
                throw new UncheckedIOException(e);
            }
        }
        return HttpRequest.BodyPublishers.concat(all.toArray(HttpRequest.BodyPublisher[]::new));
    }

    private List<Object> withClosing() {
        List<Object> all = new ArrayList<>(pieces);
        all.add(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return all;
    }

    private void header(String nameParameter, String contentType) {
        text("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; " + nameParameter
                + "\r\nContent-Type: " + contentType + "\r\n\r\n");
    }

    private void text(String value) {
        pieces.add(value.getBytes(StandardCharsets.UTF_8));
    }
}
