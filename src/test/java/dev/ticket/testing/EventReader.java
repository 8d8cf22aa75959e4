package dev.ticket.testing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.ticket.model.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;

/** A raw server-sent-events client: reads the stream line by line and hands out whole frames. */
public final class EventReader implements AutoCloseable {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** One SSE frame as sent: its {@code id:}, {@code event:} and {@code data:} lines. */
    public record Frame(String id, String event, String data) {
        public long eventId() {
            return Long.parseLong(id);
        }

        public JsonNode json() {
            try {
                return Json.mapper().readTree(data);
            } catch (JsonProcessingException e) {
                throw new AssertionError("not JSON: " + data, e);
            }
        }
    }

    private final HttpResponse<Stream<String>> response;
    private final BlockingQueue<Frame> frames = new LinkedBlockingQueue<>();
    private final Thread reader;
    private final String refusal;

    private EventReader(HttpResponse<Stream<String>> response) {
        this.response = response;
        this.reader = new Thread(this::readFrames, "sse-reader");
        reader.setDaemon(true);
        if (response.statusCode() == 200) {
            reader.start();
            refusal = null;
        } else {
            try (Stream<String> lines = response.body()) {
                refusal = String.join("\n", lines.toList());
            }
        }
    }

    /** Opens {@code GET /api/v1/events?query} with {@code Accept: text/event-stream} and extra headers. */
    public static EventReader open(String baseUrl, String token, String query, Map<String, String> headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(baseUrl + "/api/v1/events"
                        + (query.isEmpty() ? "" : "?" + query)))
                .header("Accept", "text/event-stream");
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        headers.forEach(b::header);
        try {
            return new EventReader(HTTP.send(b.GET().build(), HttpResponse.BodyHandlers.ofLines()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public int status() {
        return response.statusCode();
    }

    /** The body of a refused (non-200) request, such as a problem document. */
    public String refusal() {
        return refusal;
    }

    public String header(String name) {
        return response.headers().firstValue(name).orElse(null);
    }

    /** The next frame, or null when none arrives before the deadline. */
    public Frame next(Duration within) {
        try {
            return frames.poll(within.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /** Frames up to and including the first that matches; fails when none matches in time. */
    public List<Frame> until(Predicate<Frame> last, Duration within) {
        long deadline = System.nanoTime() + within.toNanos();
        List<Frame> seen = new ArrayList<>();
        while (System.nanoTime() < deadline) {
            Frame frame = next(Duration.ofNanos(Math.max(1, deadline - System.nanoTime())));
            if (frame != null) {
                seen.add(frame);
                if (last.test(frame)) {
                    return seen;
                }
            }
        }
        throw new AssertionError("no matching event within " + within + "; got " + seen);
    }

    private void readFrames() {
        String id = null;
        String event = null;
        StringBuilder data = null;
        try (Stream<String> lines = response.body()) {
            for (String line : (Iterable<String>) lines::iterator) {
                if (line.isEmpty()) {
                    if (data != null) {
                        frames.add(new Frame(id, event, data.toString()));
                    }
                    id = null;
                    event = null;
                    data = null;
                } else if (line.startsWith("id:")) {
                    id = line.substring(3).strip();
                } else if (line.startsWith("event:")) {
                    event = line.substring(6).strip();
                } else if (line.startsWith("data:")) {
                    data = (data == null ? new StringBuilder() : data.append('\n')).append(line.substring(5).strip());
                }
            }
        } catch (RuntimeException e) {
            // the stream was closed or the server went away: no more frames
        }
    }

    @Override
    public void close() {
        response.body().close();
        reader.interrupt();
    }
}
