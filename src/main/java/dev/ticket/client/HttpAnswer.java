package dev.ticket.client;

import java.util.Arrays;
import org.apache.hc.core5.http.Header;

/** A complete answer of the service: status, content type, body and headers. */
record HttpAnswer(int status, String contentType, byte[] body, Header[] headers) {
    /** The value of the first header called {@code name} (any case), or null. */
    String header(String name) {
        return Arrays.stream(headers).filter(h -> h.getName().equalsIgnoreCase(name)).findFirst()
                .map(Header::getValue).orElse(null);
    }

    String retryAfter() {
        return header("Retry-After");
    }

    String requestId() {
        return header(HttpTransport.REQUEST_ID);
    }
}
