package dev.ticket.server;

import io.javalin.http.Handler;
import io.javalin.http.HandlerType;

/** One row of the route table: the table is the single place routes are declared. */
public record Route(HandlerType method, String path, Access access, Handler handler) {
}
