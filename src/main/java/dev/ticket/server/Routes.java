package dev.ticket.server;

import static io.javalin.http.HandlerType.DELETE;
import static io.javalin.http.HandlerType.GET;
import static io.javalin.http.HandlerType.POST;
import static io.javalin.http.HandlerType.PUT;

import java.util.List;

/** Every route of the service. The OpenAPI and isolation tests walk this table. */
public final class Routes {
    public static final String API = "/api/v1";

    private Routes() {
    }

    public static List<Route> table(TicketHandlers tickets, AdminHandlers admin, EventStream events, Probes probes) {
        return List.of(
                new Route(GET, "/healthz", Access.PUBLIC, probes::health),
                new Route(GET, "/readyz", Access.PUBLIC, probes::ready),
                new Route(GET, API + "/me", Access.USER, tickets::me),
                new Route(GET, API + "/hours", Access.USER, tickets::hours),
                new Route(GET, API + "/topics", Access.USER, tickets::topics),
                new Route(GET, API + "/limits", Access.USER, tickets::limits),
                new Route(GET, API + "/tickets", Access.USER, tickets::list),
                new Route(POST, API + "/tickets", Access.USER, tickets::open),
                new Route(GET, API + "/tickets/{id}", Access.USER, tickets::get),
                new Route(POST, API + "/tickets/{id}/messages", Access.USER, tickets::reply),
                new Route(POST, API + "/tickets/{id}/close", Access.USER, tickets::close),
                new Route(POST, API + "/tickets/{id}/read", Access.USER, tickets::read),
                new Route(PUT, API + "/tickets/{id}/assignee", Access.USER, tickets::assign),
                new Route(DELETE, API + "/tickets/{id}/assignee", Access.USER, tickets::unassign),
                new Route(GET, API + "/agents", Access.USER, tickets::agents),
                new Route(GET, API + "/attachments/{id}", Access.USER, tickets::attachment),
                new Route(GET, API + "/events", Access.USER, events::stream),
                new Route(GET, API + "/users", Access.ADMIN, admin::users),
                new Route(POST, API + "/users", Access.ADMIN, admin::addUser),
                new Route(POST, API + "/users/{id}/tokens", Access.ADMIN, admin::issueToken),
                new Route(DELETE, API + "/tokens/{id}", Access.ADMIN, admin::revokeTokens));
    }
}
