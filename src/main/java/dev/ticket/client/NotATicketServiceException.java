package dev.ticket.client;

import java.net.URI;

/**
 * The server answered, but not as a ticket service does (rules.md, contract): a web page, a redirect, an error that is not
 * a problem document. Exit 6, like a service that cannot be reached: the URL is wrong, not the request.
 */
public class NotATicketServiceException extends UnavailableException {
    public NotATicketServiceException(URI server, String what) {
        this(server, what, null);
    }

    public NotATicketServiceException(URI server, String what, Throwable cause) {
        super(server + " is not a ticket service (" + what + "); check --server, TICKET_SERVER or the profile's "
                + "server", null, cause);
    }
}
