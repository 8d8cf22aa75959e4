package dev.ticket.testing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.ticket.model.Json;
import dev.ticket.model.NewUser;
import dev.ticket.model.Role;
import dev.ticket.model.User;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

/** A small raw-HTTP client for service tests: the tests see exactly what goes over the wire. */
public final class ApiClient {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;
    private final String token;

    public ApiClient(String url, String token) {
        this.base = url + "/api/v1";
        this.token = token;
    }

    public String token() {
        return token;
    }

    public Reply get(String path) {
        return send(builder(path).GET());
    }

    /** As an admin: creates a user; the result carries its token. */
    public User addUser(String name, Role role, String account) {
        return post("/users", new NewUser(name, role, account)).expect(201).as(User.class);
    }

    public Reply post(String path, Object body) {
        return post(path, body, Map.of());
    }

    public Reply post(String path, Object body, Map<String, String> headers) {
        String json = body instanceof String s ? s : write(body);
        HttpRequest.Builder b = builder(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        headers.forEach(b::header);
        return send(b);
    }

    public Reply postBytes(String path, String contentType, byte[] body) {
        return send(builder(path).header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    /** A multipart POST; files in the body are streamed from disk. */
    public Reply postMultipart(String path, MultipartBody body) {
        return send(builder(path).timeout(Duration.ofMinutes(5)).header("Content-Type", body.contentType())
                .POST(body.publisher()));
    }

    /** Downloads to {@code target} (streamed); the reply's body is empty unless the status is an error. */
    public Download download(String path, java.nio.file.Path target) {
        HttpResponse<java.nio.file.Path> r = exchange(builder(path).timeout(Duration.ofMinutes(5)).GET(),
                HttpResponse.BodyHandlers.ofFile(target));
        try {
            String body = r.statusCode() >= 300 ? java.nio.file.Files.readString(target) : "";
            return new Download(r.statusCode(), body, r.headers());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Reply delete(String path) {
        return send(builder(path).DELETE());
    }

    public Reply send(String method, String path) {
        return send(builder(path).method(method, HttpRequest.BodyPublishers.noBody()));
    }

    /** Any request, byte for byte: {@code contentType} and {@code body} may be null. */
    public Reply raw(String method, String path, String contentType, byte[] body, Map<String, String> headers) {
        HttpRequest.Builder b = builder(path).method(method, body == null
                ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        headers.forEach(b::header);
        return send(b);
    }

    private HttpRequest.Builder builder(String path) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(path.startsWith("http") ? path : base + path))
                .timeout(Duration.ofSeconds(30));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return b;
    }

    private static Reply send(HttpRequest.Builder b) {
        HttpResponse<byte[]> r = exchange(b, HttpResponse.BodyHandlers.ofByteArray());
        return new Reply(r.statusCode(), new String(r.body(), StandardCharsets.UTF_8), r);
    }

    private static <T> HttpResponse<T> exchange(HttpRequest.Builder b, HttpResponse.BodyHandler<T> body) {
        try {
            return HTTP.send(b.build(), body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static String write(Object value) {
        try {
            return Json.mapper().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A response: status, body text, and typed views of the body. */
    /** A download's status and headers; the body went to a file (or is here when it is an error). */
    public record Download(int status, String body, java.net.http.HttpHeaders headers) {
        public Download expect(int wanted) {
            if (status != wanted) {
                throw new AssertionError("expected HTTP " + wanted + " but got " + status + ": " + body);
            }
            return this;
        }

        public String header(String name) {
            return headers.firstValue(name).orElse(null);
        }
    }

    public record Reply(int status, String body, HttpResponse<byte[]> raw) {
        public Reply expect(int wanted) {
            if (status != wanted) {
                throw new AssertionError("expected HTTP " + wanted + " but got " + status + ": " + body);
            }
            return this;
        }

        public <T> T as(Class<T> type) {
            try {
                return Json.mapper().readValue(body, type);
            } catch (JsonProcessingException e) {
                throw new AssertionError("not a " + type.getSimpleName() + ": " + body, e);
            }
        }

        public JsonNode json() {
            return as(JsonNode.class);
        }

        public String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }
    }
}
