package dev.ticket.server;

import dev.ticket.model.NewUser;
import dev.ticket.service.AccountService;
import io.javalin.http.Context;
import java.io.IOException;
import java.util.Map;

/** Admin routes: users and their tokens, the audit log. */
final class AdminHandlers {
    private final AccountService accounts;

    AdminHandlers(AccountService accounts) {
        this.accounts = accounts;
    }

    void users(Context ctx) throws IOException {
        Responses.json(ctx, Map.of("items", accounts.users(Requests.caller(ctx))));
    }

    void addUser(Context ctx) throws IOException {
        Responses.json(ctx, 201, accounts.addUser(Requests.caller(ctx), Requests.json(ctx, NewUser.class)));
    }

    void issueToken(Context ctx) throws IOException {
        Integer expiresIn = Requests.intParam(ctx, "expires_in");
        Responses.json(ctx, 201, accounts.issueToken(Requests.caller(ctx), Requests.id(ctx),
                expiresIn == null ? null : expiresIn.longValue()));
    }

    void tokens(Context ctx) throws IOException {
        Responses.json(ctx, Map.of("items", accounts.tokens(Requests.caller(ctx))));
    }

    void disable(Context ctx) throws IOException {
        Responses.json(ctx, accounts.setDisabled(Requests.caller(ctx), Requests.id(ctx), true));
    }

    void enable(Context ctx) throws IOException {
        Responses.json(ctx, accounts.setDisabled(Requests.caller(ctx), Requests.id(ctx), false));
    }

    void audit(Context ctx) throws IOException {
        Integer limit = Requests.intParam(ctx, "limit");
        String before = ctx.queryParam("before");
        long beforeId = before == null || before.isBlank() ? 0 : Requests.id(before.strip(), "before", true);
        Responses.json(ctx, Map.of("items", accounts.audit(Requests.caller(ctx), beforeId,
                limit == null ? 100 : limit)));
    }

    void revokeTokens(Context ctx) throws IOException {
        Responses.json(ctx, Map.of("revoked", accounts.revokeTokens(Requests.caller(ctx), Requests.id(ctx))));
    }
}
