package dev.ticket.testing;

import java.io.FileNotFoundException;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** A multipart/form-data body for tests; files are streamed from disk, never read into memory. */
public final class MultipartBody {
    private final String boundary = "test-" + UUID.randomUUID();
    private final List<HttpRequest.BodyPublisher> parts = new ArrayList<>();

    public MultipartBody field(String name, String value) {
        text("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value + "\r\n");
        return this;
    }

    /** A {@code file} part named {@code filename} (sent as given, quotes escaped), claiming {@code contentType}. */
    public MultipartBody file(String filename, String contentType, Path file) {
        return filePart("filename=\"" + filename.replace("\"", "\\\"") + "\"", contentType, file);
    }

    /** A {@code file} part whose name travels as RFC 5987 {@code filename*} (so it may hold any character). */
    public MultipartBody fileExtended(String filename, Path file) {
        String encoded = java.net.URLEncoder.encode(filename, StandardCharsets.UTF_8).replace("+", "%20");
        return filePart("filename*=UTF-8''" + encoded, "application/octet-stream", file);
    }

    private MultipartBody filePart(String nameParameter, String contentType, Path file) {
        text("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; " + nameParameter
                + "\r\nContent-Type: " + contentType + "\r\n\r\n");
        try {
            parts.add(HttpRequest.BodyPublishers.ofFile(file));
        } catch (FileNotFoundException e) {
            throw new UncheckedIOException(e);
        }
        text("\r\n");
        return this;
    }

    public MultipartBody file(String filename, Path file) {
        return file(filename, "application/octet-stream", file);
    }

    public String contentType() {
        return "multipart/form-data; boundary=" + boundary;
    }

    public HttpRequest.BodyPublisher publisher() {
        List<HttpRequest.BodyPublisher> all = new ArrayList<>(parts);
        all.add(HttpRequest.BodyPublishers.ofString("--" + boundary + "--\r\n", StandardCharsets.UTF_8));
        return HttpRequest.BodyPublishers.concat(all.toArray(HttpRequest.BodyPublisher[]::new));
    }

    private void text(String value) {
        parts.add(HttpRequest.BodyPublishers.ofString(value, StandardCharsets.UTF_8));
    }
}
