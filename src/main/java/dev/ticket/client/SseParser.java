package dev.ticket.client;

import java.io.BufferedReader;
import java.io.IOException;

/** Reads server-sent events (the text/event-stream format) from a line reader. */
final class SseParser {
    private final BufferedReader reader;

    SseParser(BufferedReader reader) {
        this.reader = reader;
    }

    /** The next complete event, or null at the end of the stream. */
    ServerSentEvent next() throws IOException {
        String id = null;
        String event = null;
        StringBuilder data = null;
        String line;
        while ((line = reader.readLine()) != null) {
            if (line.isEmpty()) {
                if (data != null) {
                    return new ServerSentEvent(id, event == null ? "message" : event, data.toString());
                }
                id = null;
                event = null;
                continue;
            }
            if (line.startsWith(":")) {
                continue;
            }
            int colon = line.indexOf(':');
            String field = colon < 0 ? line : line.substring(0, colon);
            String value = colon < 0 ? "" : line.substring(colon + 1);
            if (value.startsWith(" ")) {
                value = value.substring(1);
            }
            switch (field) {
                case "id": id = value; break;
                case "event": event = value; break;
                case "data":
                    data = data == null ? new StringBuilder(value) : data.append('\n').append(value);
                    break;
                default: break;
            }
        }
        return null;
    }
}
