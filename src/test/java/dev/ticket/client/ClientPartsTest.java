package dev.ticket.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ClientPartsTest {
    @Test
    void server_sent_events_are_parsed_with_ids_names_multiline_data_and_comments() throws Exception {
        SseParser parser = new SseParser(new BufferedReader(new StringReader(
                "retry: 1000\n: last event 4\n\nid: 5\nevent: message\ndata: {\"a\":1}\n\n"
                        + ": keepalive\n\nid: 6\nevent: status\ndata: line1\ndata: line2\n\n")));
        assertEquals(new ServerSentEvent("5", "message", "{\"a\":1}"), parser.next());
        assertEquals(new ServerSentEvent("6", "status", "line1\nline2"), parser.next());
        assertNull(parser.next());
    }

    @Test
    void backoff_grows_with_jitter_and_stays_within_its_bounds() {
        RetryPolicy policy = new RetryPolicy(5, Duration.ofMillis(200), Duration.ofSeconds(1), Duration.ofSeconds(10));
        for (int i = 0; i < 50; i++) {
            long first = policy.backoff(1).toMillis();
            long third = policy.backoff(3).toMillis();
            long tenth = policy.backoff(10).toMillis();
            assertTrue(first >= 100 && first <= 200, "first " + first);
            assertTrue(third >= 400 && third <= 800, "third " + third);
            assertTrue(tenth >= 500 && tenth <= 1000, "capped " + tenth);
        }
    }

    @Test
    void retries_stop_after_the_last_attempt_or_when_the_budget_is_spent() {
        RetryPolicy policy = new RetryPolicy(3, Duration.ofMillis(100), Duration.ofSeconds(1), Duration.ofSeconds(5));
        assertNull(policy.nextDelay(3, Duration.ZERO, null), "no fourth try");
        assertEquals(Duration.ofSeconds(2), policy.nextDelay(1, Duration.ZERO, Duration.ofSeconds(2)));
        assertNull(policy.nextDelay(1, Duration.ofSeconds(4), Duration.ofSeconds(2)), "Retry-After beyond budget");
    }

    @Test
    void retry_after_is_read_as_seconds_or_an_http_date() {
        assertEquals(Duration.ofSeconds(3), HttpTransport.retryAfter("3"));
        assertNull(HttpTransport.retryAfter("soon"));
        assertNull(HttpTransport.retryAfter(null));
        Duration fromDate = HttpTransport.retryAfter("Wed, 21 Oct 2015 07:28:00 GMT");
        assertEquals(Duration.ZERO, fromDate, "a date in the past means now");
    }

    private static byte[] kind(String type, int status) {
        return ("{\"type\":\"" + type + "\",\"title\":\"T\",\"status\":" + status + "}")
                .getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void problems_become_typed_exceptions_with_the_services_sentence() {
        byte[] closed = ("{\"type\":\"ticket-closed\",\"title\":\"Ticket is done\",\"status\":409,"
                + "\"detail\":\"Ticket #4 is done; open a new one: ticket new --ref 4\"}").getBytes(StandardCharsets.UTF_8);
        java.net.URI server = java.net.URI.create("http://127.0.0.1:9");
        String problem = "application/problem+json";
        ApiException e = Problems.toException(server, 409, problem, closed);
        assertInstanceOf(TicketClosedException.class, e);
        assertEquals("Ticket #4 is done; open a new one: ticket new --ref 4", e.getMessage());
        assertInstanceOf(InvalidRequestException.class, Problems.toException(server, 413, null, new byte[0]));
        assertInstanceOf(InvalidRequestException.class, Problems.toException(server, 415, problem, kind("x", 415)));
        assertInstanceOf(NotAuthorizedException.class, Problems.toException(server, 403, problem, kind("f", 403)));
        assertInstanceOf(NotFoundException.class, Problems.toException(server, 404, problem, kind("not-found", 404)));
        assertInstanceOf(UnavailableException.class, Problems.toException(server, 503, null, new byte[0]));
        assertEquals(ApiException.class, Problems.toException(server, 409, problem, kind("conflict", 409)).getClass());
        // refusals that are not problem documents come from some other web server
        assertInstanceOf(NotATicketServiceException.class, Problems.toException(server, 404, "text/html",
                "<h1>Not Found</h1>".getBytes(StandardCharsets.UTF_8)));
        assertInstanceOf(NotATicketServiceException.class, Problems.toException(server, 404, "application/json",
                "{\"error\":\"no route\"}".getBytes(StandardCharsets.UTF_8)));
        assertInstanceOf(NotATicketServiceException.class, Problems.toException(server, 302, null, new byte[0]));
    }
}
