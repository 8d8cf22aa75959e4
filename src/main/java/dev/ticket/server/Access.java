package dev.ticket.server;

/** Who may call a route: anyone, any authenticated user, or admins only. */
public enum Access {
    PUBLIC, USER, ADMIN
}
