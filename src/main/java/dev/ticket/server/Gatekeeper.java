package dev.ticket.server;

import dev.ticket.service.AccountService;
import dev.ticket.service.Caller;
import dev.ticket.service.ServiceException;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;

/**
 * Who may come in, before a route runs: names the client address (for the throttle and the request log),
 * refuses throttled addresses before their token is checked, authenticates, and counts the user's writes.
 */
final class Gatekeeper {
    static final String CLIENT_ADDRESS = "ticket.client-address";

    private final AccountService accounts;
    private final ClientAddress addresses;
    private final AuthThrottle throttle;
    private final WriteLimiter writes;

    Gatekeeper(AccountService accounts, Guards guards) {
        this.accounts = accounts;
        this.addresses = new ClientAddress(guards.trustedProxies());
        this.throttle = new AuthThrottle(guards.failuresPerMinute());
        this.writes = new WriteLimiter(guards.writesPerMinute());
    }

    /** The client address of the request (worked out once and kept on it). */
    String address(Context ctx) {
        String known = ctx.attribute(CLIENT_ADDRESS);
        if (known == null) {
            known = addresses.of(ctx.req().getRemoteAddr(), ctx.header("Forwarded"), ctx.header("X-Forwarded-For"));
            ctx.attribute(CLIENT_ADDRESS, known);
        }
        return known;
    }

    /**
     * Runs a route's request, come in just now: the database's version, against which the read caches check what
     * they keep when other nodes share the database, is read once for its token and its reads (not once each).
     */
    void request(AccountService.RequestWork work) throws Exception {
        accounts.request(work);
    }

    /** The authenticated caller, or a refusal: 429 for a throttled address or user, 401 for a bad token. */
    Caller admit(Context ctx) {
        String address = address(ctx);
        String token = bearer(ctx.header("Authorization"));
        throttle.check(address, token);
        Caller caller;
        try {
            caller = accounts.authenticate(token).from(address);
        } catch (ServiceException e) {
            if (e.kind() == ServiceException.Kind.UNAUTHORIZED && token != null && !token.isBlank()) {
                throttle.failed(address);
            }
            throw e;
        }
        throttle.succeeded(address, token);
        if (!ctx.method().equals(HandlerType.GET) && !ctx.method().equals(HandlerType.HEAD)) {
            writes.acquire(caller.userId());
        }
        return caller;
    }

    /** The client address of a request served outside the routes (an event stream), from its raw parts. */
    String address(String peer, String forwarded, String xForwardedFor) {
        return addresses.of(peer, forwarded, xForwardedFor);
    }

    /** Whether the address is throttled for this token; the routes then answer the 429. */
    boolean throttled(String address, String token) {
        try {
            throttle.check(address, token);
            return false;
        } catch (ServiceException e) {
            return true;
        }
    }

    /** The 429 a throttled address gets for this token (as the routes answer it). */
    ServiceException refusal(String address, String token) {
        try {
            throttle.check(address, token);
            return new ServiceException(ServiceException.Kind.TOO_MANY_FAILURES, "Too many failed authentications.");
        } catch (ServiceException e) {
            return e;
        }
    }

    /** Counts a refused token from the address as {@link #admit} does, for a request served outside the routes. */
    void failed(String address, String token, ServiceException refusal) {
        if (refusal.kind() == ServiceException.Kind.UNAUTHORIZED && token != null && !token.isBlank()) {
            throttle.failed(address);
        }
    }

    /** Remembers a token that authenticated from the address (it stays welcome there when the address is throttled). */
    void succeeded(String address, String token) {
        throttle.succeeded(address, token);
    }

    static String bearer(String header) {
        if (header == null) {
            return null;
        }
        String value = header.strip();
        return value.regionMatches(true, 0, "Bearer ", 0, 7) ? value.substring(7).strip() : null;
    }
}
