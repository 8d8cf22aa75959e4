package dev.ticket.server;

import dev.ticket.model.NewUser;
import dev.ticket.service.AccountService;
import io.javalin.http.Context;
import java.io.IOException;
import java.util.Map;

/** Admin routes: users and their tokens. */
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
        Responses.json(ctx, 201, accounts.issueToken(Requests.caller(ctx), Requests.id(ctx)));
    }

    void revokeTokens(Context ctx) throws IOException {
        Responses.json(ctx, Map.of("revoked", accounts.revokeTokens(Requests.caller(ctx), Requests.id(ctx))));
    }
}
